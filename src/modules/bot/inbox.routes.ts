import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import { actorOf, requireUser } from '../../platform/http/context.js';
import { authorize } from '../../platform/policy/authorize.js';
import type { BotIndex } from './bot-index.js';
import { botPolicy } from './bot.policy.js';
import { botStats } from './bot-stats.js';
import { groupInboxItems } from './inbox-groups.js';
import { attachToEntry, dismissInbox } from './use-cases/handle-inbox.js';
import { ZAttached, ZBotStats, ZInbox, ZSearchResult } from '../../contracts/bot.js';
import { ZOk } from '../../contracts/common.js';

const ZTurnIds = z.array(z.string().min(1).max(64)).min(1).max(500);
const ZPeriod = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

/** Staff side of the bot: the unanswered-questions inbox, KB search for agents, figures. */
export function botStaffRoutes(app: FastifyInstance, ctx: AppContext, index: BotIndex): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['bot-staff'];

  r.get(
    '/api/bot/inbox',
    {
      schema: {
        tags,
        summary: '未解答问题 Unanswered questions, grouped',
        response: { 200: ZInbox },
        querystring: ZPeriod,
      },
    },
    async (req) => {
      authorize(requireUser(req), botPolicy.readInbox);
      let q = ctx.db
        .selectFrom('bot_turns')
        .select(['id', 'question', 'created_at', 'feedback', 'candidates', 'choice', 'suggested'])
        .where('inbox_status', '=', 'open');
      if (req.query.from) q = q.where('created_at', '>=', new Date(req.query.from).toISOString());
      if (req.query.to) q = q.where('created_at', '<', new Date(req.query.to).toISOString());
      const rows = await q.orderBy('created_at', 'desc').limit(5000).execute();
      const items = rows.map((t) => {
        const nearest = (JSON.parse(t.candidates) as { entryId: string }[]).map((c) => c.entryId);
        return {
          id: t.id,
          question: t.question,
          createdAt: t.created_at,
          reason:
            t.feedback === 'unsolved'
              ? ('unsolved' as const)
              : t.choice === 'none'
                ? ('suggested' as const)
                : ('no_match' as const),
          topCandidate: nearest[0] ?? null,
          nearest,
        };
      });
      // ranked by how many citizens asked (groupInboxItems sorts by count), each with its nearest entries
      const groups = groupInboxItems(items).map((g) => {
        const hint = g.topCandidate ? index.entry(g.topCandidate) : undefined;
        const nearest = [...new Set(g.items.flatMap((i) => i.nearest ?? []))]
          .map((id) => index.entry(id))
          .filter((e) => !!e)
          .slice(0, 3)
          .map((e) => ({ entryId: e.id, question: e.question, department: e.departmentName }));
        return {
          ...g,
          items: g.items.map(({ nearest: _n, ...i }) => i),
          hint: hint ? { entryId: hint.id, question: hint.question, department: hint.departmentName } : null,
          nearest,
        };
      });
      return { total: items.length, groups };
    },
  );

  r.post(
    '/api/bot/inbox/attach',
    {
      schema: {
        tags,
        summary: '追加为相似问法（提交审核）Attach as similar questions (submitted for review)',
        response: { 200: ZAttached },
        body: z.object({ entryId: z.string().min(1).max(64), turnIds: ZTurnIds }),
      },
    },
    async (req) => {
      const p = requireUser(req);
      authorize(p, botPolicy.handleInbox);
      // The live answer does not change until a reviewer publishes the submitted draft.
      return attachToEntry(ctx.db, p, actorOf(req), req.now, req.body.entryId, req.body.turnIds);
    },
  );

  r.post(
    '/api/bot/inbox/dismiss',
    {
      schema: {
        tags,
        summary: '忽略 Dismiss',
        response: { 200: ZOk },
        body: z.object({ turnIds: ZTurnIds, reason: z.string().trim().min(1).max(200) }),
      },
    },
    async (req) => {
      const p = requireUser(req);
      authorize(p, botPolicy.handleInbox);
      await dismissInbox(ctx.db, p, actorOf(req), req.now, req.body.turnIds, req.body.reason);
      return { ok: true };
    },
  );

  r.get(
    '/api/bot/search',
    {
      schema: {
        tags,
        summary: '知识库检索（坐席）KB search for agents',
        response: { 200: ZSearchResult },
        querystring: z.object({ q: z.string().trim().min(1).max(200) }),
      },
    },
    async (req) => {
      requireUser(req);
      const result = index.matcherInstance.match(req.query.q, { limit: 10 });
      return {
        decision: result.decision,
        confidence: result.confidence,
        items: result.candidates
          .map((c) => index.entry(c.id))
          .filter((e) => !!e)
          .map((e) => ({
            entryId: e.id,
            code: e.code,
            question: e.question,
            answerHtml: e.answer,
            matter: e.matterName,
            department: e.departmentName,
          })),
      };
    },
  );

  r.get(
    '/api/bot/stats',
    { schema: { tags, summary: '小申统计 Bot figures', response: { 200: ZBotStats }, querystring: ZPeriod } },
    async (req) => {
      authorize(requireUser(req), botPolicy.readStats);
      const to = req.query.to ? new Date(req.query.to) : new Date(req.now.getTime() + 1);
      const from = req.query.from ? new Date(req.query.from) : new Date(to.getTime() - 30 * 86400_000);
      return { from: from.toISOString(), to: to.toISOString(), ...(await botStats(ctx.db, from, to, req.now)) };
    },
  );
}
