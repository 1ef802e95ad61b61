import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import { actorOf, requireUser } from '../../platform/http/context.js';
import { authorize } from '../../platform/policy/authorize.js';
import { kbScope, knowledgePolicy } from './knowledge.policy.js';
import { presentEntry, presentProposal, presentStats } from './knowledge.presenters.js';
import { findEntry } from './knowledge.repo.js';
import { ZId, ZListProposals, ZProposal, ZReject, type KbStatus } from './knowledge.schemas.js';
import { decideProposal } from './use-cases/decide-proposal.js';
import { failingEntries, staleEntries } from './use-cases/entry-stats.js';
import { proposeKbEntry } from './use-cases/propose-entry.js';
import {
  ZBriefEntryList,
  ZKbProposal,
  ZKbProposalAccepted,
  ZKbProposalList,
  ZKbProposalRejected,
} from '../../contracts/knowledge.js';

/** KB proposals from live help / phone / staff, and the per-entry statistics that drive KB iteration. */
export function proposalRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['knowledge'];
  const one = async (id: string) =>
    presentProposal(await ctx.db.selectFrom('kb_proposals').selectAll().where('id', '=', id).executeTakeFirstOrThrow());

  r.post(
    '/api/kb/proposals',
    { schema: { tags, summary: '提交知识库建议 Propose', response: { 201: ZKbProposal }, body: ZProposal } },
    async (req, reply) => {
      authorize(requireUser(req), knowledgePolicy.propose);
      return reply.status(201).send(await one(await proposeKbEntry(ctx.db, actorOf(req), req.now, req.body)));
    },
  );
  r.get(
    '/api/kb/proposals',
    {
      schema: {
        tags,
        summary: '知识库建议 Proposals',
        response: { 200: ZKbProposalList },
        querystring: ZListProposals,
      },
    },
    async (req) => {
      const p = requireUser(req);
      const scope = kbScope(p);
      if (!scope) return { items: [] };
      let q = ctx.db
        .selectFrom('kb_proposals')
        .leftJoin('departments', 'departments.id', 'kb_proposals.department_id')
        .selectAll('kb_proposals')
        .select('departments.name_zh as department_name');
      if (!scope.all) q = q.where('kb_proposals.department_id', '=', scope.departmentId ?? '');
      if (req.query.status) q = q.where('kb_proposals.status', '=', req.query.status);
      return { items: (await q.orderBy('kb_proposals.created_at', 'desc').limit(500).execute()).map(presentProposal) };
    },
  );
  r.post(
    '/api/kb/proposals/:id/accept',
    {
      schema: {
        tags,
        summary: '采纳建议 Accept',
        response: { 200: ZKbProposalAccepted },
        params: ZId,
        body: z.object({}).nullish(),
      },
    },
    async (req) => {
      const p = requireUser(req);
      const entryId = await decideProposal(ctx.db, actorOf(req), p, req.now, req.params.id, { accept: true });
      return { proposal: await one(req.params.id), entry: presentEntry((await findEntry(ctx.db, entryId!))!, p) };
    },
  );
  r.post(
    '/api/kb/proposals/:id/reject',
    { schema: { tags, summary: '不采纳 Reject', response: { 200: ZKbProposalRejected }, params: ZId, body: ZReject } },
    async (req) => {
      await decideProposal(ctx.db, actorOf(req), requireUser(req), req.now, req.params.id, {
        accept: false,
        note: req.body.note,
      });
      return { proposal: await one(req.params.id) };
    },
  );

  const brief = (e: {
    id: string;
    code: string;
    question: string;
    department_id: string;
    department_name: string | null;
    status: string;
    shown_count: number;
    solved_count: number;
    unsolved_count: number;
    last_reviewed_at: string | null;
  }) => ({
    id: e.id,
    code: e.code,
    question: e.question,
    departmentId: e.department_id,
    departmentName: e.department_name,
    status: e.status as KbStatus,
    stats: presentStats(e),
  });
  r.get(
    '/api/kb/stats/failing',
    { schema: { tags, summary: '常未解决的条目 Often-failing entries', response: { 200: ZBriefEntryList } } },
    async (req) => {
      const p = requireUser(req);
      authorize(p, knowledgePolicy.stats);
      return { items: (await failingEntries(ctx.db, p)).map(brief) };
    },
  );
  r.get(
    '/api/kb/stats/stale',
    { schema: { tags, summary: '超过180天未复核 Not reviewed for 180 days', response: { 200: ZBriefEntryList } } },
    async (req) => {
      const p = requireUser(req);
      authorize(p, knowledgePolicy.stats);
      return { items: (await staleEntries(ctx.db, p, req.now)).map(brief) };
    },
  );
}
