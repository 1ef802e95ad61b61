import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/app-context.js';
import { actorOf, requireUser } from '../../platform/http/context.js';
import { authorize } from '../../platform/policy/authorize.js';
import { knowledgePolicy } from './knowledge.policy.js';
import { presentTerm } from './knowledge.presenters.js';
import { likeOf } from './knowledge.repo.js';
import { ZId, ZListTerms, ZTerm, ZUpdateTerm } from './knowledge.schemas.js';
import { addTerm, changeTerm } from './use-cases/manage-terms.js';
import { ZOk } from '../../contracts/common.js';
import { ZKbTerm, ZKbTermList } from '../../contracts/knowledge.js';

/** The bot's water dictionary and synonym groups, maintained by KB reviewers. */
export function termRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['knowledge'];
  const one = async (id: string) =>
    presentTerm(await ctx.db.selectFrom('kb_terms').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
  r.get(
    '/api/kb/terms',
    { schema: { tags, summary: '词典与同义词 Terms', response: { 200: ZKbTermList }, querystring: ZListTerms } },
    async (req) => {
      authorize(requireUser(req), knowledgePolicy.readTerms);
      let q = ctx.db.selectFrom('kb_terms').selectAll();
      if (req.query.kind) q = q.where('kind', '=', req.query.kind);
      if (req.query.q) q = q.where('value', 'like', likeOf(req.query.q));
      return { items: (await q.orderBy('kind').orderBy('value').execute()).map(presentTerm) };
    },
  );
  r.post(
    '/api/kb/terms',
    { schema: { tags, summary: '新增词条 Add term', response: { 201: ZKbTerm }, body: ZTerm } },
    async (req, reply) => {
      authorize(requireUser(req), knowledgePolicy.manageTerms);
      return reply
        .status(201)
        .send(await one(await addTerm(ctx.db, actorOf(req), req.now, req.body.kind, req.body.value)));
    },
  );
  r.patch(
    '/api/kb/terms/:id',
    { schema: { tags, summary: '修改词条 Edit term', response: { 200: ZKbTerm }, params: ZId, body: ZUpdateTerm } },
    async (req) => {
      authorize(requireUser(req), knowledgePolicy.manageTerms);
      await changeTerm(ctx.db, actorOf(req), req.now, req.params.id, req.body.value);
      return one(req.params.id);
    },
  );
  r.delete(
    '/api/kb/terms/:id',
    { schema: { tags, summary: '删除词条 Delete term', response: { 200: ZOk }, params: ZId } },
    async (req) => {
      authorize(requireUser(req), knowledgePolicy.manageTerms);
      await changeTerm(ctx.db, actorOf(req), req.now, req.params.id, null);
      return { ok: true };
    },
  );
}
