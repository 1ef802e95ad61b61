import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import { SESSION_COOKIE, endSession } from '../../platform/auth/sessions.js';
import { AppError } from '../../platform/errors.js';
import { issueCsrfCookie } from '../../platform/http/csrf.js';
import { hashToken } from '../../platform/ids.js';
import { actorOf } from '../../platform/http/context.js';
import { recordEvent } from '../../platform/events/record-event.js';
import { abilities } from '../../platform/policy/authorize.js';
import { homeFor } from '../../platform/policy/roles.js';
import { signIn } from './use-cases/sign-in.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './seed/demo-accounts.js';
import { ZOk } from '../../contracts/common.js';
import { ZDemoAccounts, ZMe } from '../../contracts/org.js';

/** Sign-in, sign-out and "who am I" (with the abilities the web app uses to show only what is allowed). */
export function authRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const secure = (req: { protocol: string }) =>
    ctx.config.cookieSecure === 'auto' ? req.protocol === 'https' : ctx.config.cookieSecure;

  r.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: '登录 Sign in',
        response: { 200: ZOk },
        body: z.object({ username: z.string().trim().min(1).max(60), password: z.string().min(1).max(200) }),
      },
      config: { public: true, rateLimit: { max: ctx.config.loginRatePerMinute, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const { token } = await signIn(ctx.db, actorOf(req), req.now, {
        ...req.body,
        userAgent: req.headers['user-agent'],
      });
      reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: secure(req) });
      issueCsrfCookie(req, reply, ctx.config.secret, hashToken(token), secure(req));
      return { ok: true };
    },
  );

  r.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], summary: '退出 Sign out', response: { 200: ZOk } }, config: { public: true } },
    async (req, reply) => {
      if (req.sessionId && req.principal) {
        const sid = req.sessionId;
        await ctx.db.transaction().execute(async (trx) => {
          await endSession(trx, sid);
          await recordEvent(trx, actorOf(req), req.now, {
            type: 'auth.logout',
            subjectType: 'user',
            subjectId: req.principal!.id,
            subjectLabel: actorOf(req).label,
          });
        });
      }
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      issueCsrfCookie(req, reply, ctx.config.secret, null, secure(req));
      return { ok: true };
    },
  );

  r.get(
    '/api/auth/me',
    { schema: { tags: ['auth'], summary: '当前用户 Current user', response: { 200: ZMe } }, config: { public: true } },
    async (req) => {
      const p = req.principal;
      if (!p) return { user: null, sessionExpired: req.sessionState === 'expired', demo: ctx.config.demo };
      const dept = p.departmentId
        ? await ctx.db
            .selectFrom('departments')
            .select(['name_zh', 'name_en'])
            .where('id', '=', p.departmentId)
            .executeTakeFirst()
        : undefined;
      return {
        user: { ...p, departmentName: dept ? { zh: dept.name_zh, en: dept.name_en } : null },
        abilities: abilities(p),
        home: homeFor(p.roles),
        demo: ctx.config.demo,
      };
    },
  );

  r.get(
    '/api/auth/demo-accounts',
    {
      schema: { tags: ['auth'], summary: '演示账号（仅演示模式）Demo accounts', response: { 200: ZDemoAccounts } },
      config: { public: true },
    },
    async () => {
      if (!ctx.config.demo) throw new AppError('NOT_FOUND');
      return {
        password: DEMO_PASSWORD,
        accounts: DEMO_ACCOUNTS.map(({ username, displayName, roles, department }) => ({
          username,
          displayName,
          roles,
          department,
        })),
      };
    },
  );
}
