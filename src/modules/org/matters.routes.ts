import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/app-context.js';
import type { DbOrTrx } from '../../platform/db/connect.js';
import { notFound } from '../../platform/errors.js';
import { actorOf, requireUser } from '../../platform/http/context.js';
import { authorize } from '../../platform/policy/authorize.js';
import { orgPolicy } from './org.policy.js';
import { presentMatter } from './org.presenters.js';
import { ZCreateMatter, ZId, ZListMatters, ZUpdateMatter } from './org.schemas.js';
import { createMatter, updateMatter } from './use-cases/manage-matters.js';
import { ZMatter, ZMatterList } from '../../contracts/org.js';

const MATTER = { zh: '事项', en: 'matter' };

function matterQuery(db: DbOrTrx) {
  return db
    .selectFrom('matters')
    .innerJoin('departments', 'departments.id', 'matters.owner_department_id')
    .selectAll('matters')
    .select('departments.name_zh as department_name');
}

/** The matter catalogue (政务服务事项): public to read, managed by the legal division. */
export function matterRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['matters'];

  r.get(
    '/api/matters',
    {
      schema: { tags, summary: '事项目录 Matter catalogue', response: { 200: ZMatterList }, querystring: ZListMatters },
      config: { public: true },
    },
    async (req) => {
      const f = req.query;
      let q = matterQuery(ctx.db);
      const showInactive = f.includeInactive === 'true' && !!req.principal && orgPolicy.manageMatters(req.principal);
      if (!showInactive) q = q.where('matters.active', '=', 1);
      if (f.departmentId) q = q.where('matters.owner_department_id', '=', f.departmentId);
      if (f.kind) q = q.where('matters.kind', '=', f.kind);
      if (f.category) q = q.where('matters.category', '=', f.category);
      if (f.liveHelp) q = q.where('matters.live_help', '=', f.liveHelp === 'true' ? 1 : 0);
      if (f.q) {
        const like = `%${f.q.replace(/[%_]/g, '')}%`;
        q = q.where((eb) => eb.or([eb('matters.name', 'like', like), eb('matters.code', 'like', like)]));
      }
      return { items: (await q.orderBy('matters.code').execute()).map(presentMatter) };
    },
  );

  r.get(
    '/api/matters/:id',
    { schema: { tags, summary: '事项详情 Matter', response: { 200: ZMatter }, params: ZId }, config: { public: true } },
    async (req) => {
      const m = await matterQuery(ctx.db).where('matters.id', '=', req.params.id).executeTakeFirst();
      if (!m || (m.active !== 1 && !(req.principal && orgPolicy.manageMatters(req.principal)))) throw notFound(MATTER);
      return presentMatter(m);
    },
  );

  r.post(
    '/api/matters',
    { schema: { tags, summary: '新增事项 Create matter', response: { 201: ZMatter }, body: ZCreateMatter } },
    async (req, reply) => {
      authorize(requireUser(req), orgPolicy.manageMatters);
      const id = await createMatter(ctx.db, actorOf(req), req.now, req.body);
      return reply
        .status(201)
        .send(presentMatter((await matterQuery(ctx.db).where('matters.id', '=', id).executeTakeFirst())!));
    },
  );

  r.patch(
    '/api/matters/:id',
    {
      schema: { tags, summary: '修改事项 Update matter', response: { 200: ZMatter }, params: ZId, body: ZUpdateMatter },
    },
    async (req) => {
      authorize(requireUser(req), orgPolicy.manageMatters);
      await updateMatter(ctx.db, actorOf(req), req.now, req.params.id, req.body);
      return presentMatter((await matterQuery(ctx.db).where('matters.id', '=', req.params.id).executeTakeFirst())!);
    },
  );
}
