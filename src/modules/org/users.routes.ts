import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/app-context.js';
import { notFound } from '../../platform/errors.js';
import { actorOf, requireUser } from '../../platform/http/context.js';
import { authorize } from '../../platform/policy/authorize.js';
import { hasRole } from '../../platform/policy/principal.js';
import { orgPolicy, userScope } from './org.policy.js';
import { presentUser } from './org.presenters.js';
import { findUser, listUsers } from './org.repo.js';
import { ZCreateUser, ZId, ZListUsers, ZResetPassword, ZUpdateUser } from './org.schemas.js';
import { createUser } from './use-cases/create-user.js';
import { resetPassword, setUserStatus } from './use-cases/manage-account.js';
import { updateUser } from './use-cases/update-user.js';
import { ZOk } from '../../contracts/common.js';
import { ZUser, ZUserPage } from '../../contracts/org.js';

const USER = { zh: '用户', en: 'user' };

/** Staff accounts: oversight roles see everyone, others only colleagues of their department. */
export function userRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['users'];

  r.get(
    '/api/users',
    { schema: { tags, summary: '用户列表 List users', response: { 200: ZUserPage }, querystring: ZListUsers } },
    async (req) => {
      const p = requireUser(req);
      authorize(p, orgPolicy.listUsers);
      const { items, total } = await listUsers(ctx.db, userScope(p), req.query);
      return { total, items: items.map((u) => presentUser(u, req.now)) };
    },
  );

  r.get(
    '/api/users/:id',
    { schema: { tags, summary: '用户详情 User', response: { 200: ZUser }, params: ZId } },
    async (req) => {
      const p = requireUser(req);
      const user = await findUser(ctx.db, req.params.id);
      if (!user || !orgPolicy.readUser(p, user)) throw notFound(USER);
      return presentUser(user, req.now, hasRole(p, 'admin') || p.id === user.id);
    },
  );

  r.post(
    '/api/users',
    { schema: { tags, summary: '新建用户 Create user', response: { 201: ZUser }, body: ZCreateUser } },
    async (req, reply) => {
      const p = requireUser(req);
      authorize(p, orgPolicy.manageUsers);
      const id = await createUser(ctx.db, actorOf(req), req.now, req.body);
      return reply.status(201).send(presentUser((await findUser(ctx.db, id))!, req.now, true));
    },
  );

  r.patch(
    '/api/users/:id',
    { schema: { tags, summary: '修改用户 Update user', response: { 200: ZUser }, params: ZId, body: ZUpdateUser } },
    async (req) => {
      const p = requireUser(req);
      authorize(p, orgPolicy.manageUsers);
      await updateUser(ctx.db, actorOf(req), req.now, req.params.id, req.body);
      return presentUser((await findUser(ctx.db, req.params.id))!, req.now, true);
    },
  );

  r.post(
    '/api/users/:id/reset-password',
    { schema: { tags, summary: '重置密码 Reset password', response: { 200: ZOk }, params: ZId, body: ZResetPassword } },
    async (req) => {
      const p = requireUser(req);
      authorize(p, orgPolicy.manageUsers);
      await resetPassword(ctx.db, actorOf(req), req.now, req.params.id, req.body.password);
      return { ok: true };
    },
  );

  for (const [path, status] of [
    ['disable', 'disabled'],
    ['enable', 'active'],
  ] as const) {
    r.post(
      `/api/users/:id/${path}`,
      {
        schema: {
          tags,
          summary: path === 'disable' ? '停用账号 Disable' : '启用账号 Enable',
          response: { 200: ZUser },
          params: ZId,
        },
      },
      async (req) => {
        const p = requireUser(req);
        authorize(p, orgPolicy.manageUsers);
        await setUserStatus(ctx.db, actorOf(req), req.now, req.params.id, status);
        return presentUser((await findUser(ctx.db, req.params.id))!, req.now, true);
      },
    );
  }
}
