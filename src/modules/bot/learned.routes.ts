import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import { actorOf, requireUser } from '../../platform/http/context.js';
import { authorize } from '../../platform/policy/authorize.js';
import { hasRole } from '../../platform/policy/principal.js';
import { LEARNED_STATUSES } from '../../contracts/enums/bot.js';
import { ZLearnedList } from '../../contracts/bot.js';
import { ZOk } from '../../contracts/common.js';
import { botPolicy } from './bot.policy.js';
import { decideLearnedQuestion } from './use-cases/decide-learned-question.js';

const ZParams = z.object({ id: z.string().min(1).max(64) });

/**
 * Questions citizens confirmed (opened a suggestion, marked it solved), proposed as similar
 * questions of the entry: the owning department's editor accepts one with one click.
 */
export function learnedRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['bot-staff'];

  r.get(
    '/api/bot/learned',
    {
      schema: {
        tags,
        summary: '市民确认的相似问法 Questions citizens confirmed',
        response: { 200: ZLearnedList },
        querystring: z.object({ status: z.enum(LEARNED_STATUSES).default('proposed') }),
      },
    },
    async (req) => {
      const p = requireUser(req);
      authorize(p, botPolicy.readLearned);
      let q = ctx.db
        .selectFrom('bot_learned_questions as l')
        .innerJoin('kb_entries as e', 'e.id', 'l.entry_id')
        .leftJoin('departments as d', 'd.id', 'l.department_id')
        .select([
          'l.id',
          'l.question',
          'l.citizens',
          'l.status',
          'l.created_at',
          'e.id as entry_id',
          'e.code',
          'e.question as entry_question',
          'd.name_zh as department',
        ])
        .where('l.status', '=', req.query.status);
      if (!hasRole(p, 'kb_reviewer', 'admin')) q = q.where('l.department_id', '=', p.departmentId ?? '');
      const rows = await q.orderBy('l.citizens', 'desc').orderBy('l.created_at', 'desc').limit(500).execute();
      return {
        items: rows.map((x) => ({
          id: x.id,
          question: x.question,
          citizens: Number(x.citizens),
          status: x.status as (typeof LEARNED_STATUSES)[number],
          createdAt: x.created_at,
          entry: { id: x.entry_id, code: x.code, question: x.entry_question, department: x.department },
        })),
      };
    },
  );

  for (const action of ['accept', 'reject'] as const) {
    r.post(
      `/api/bot/learned/:id/${action}`,
      {
        schema: {
          tags,
          summary: action === 'accept' ? '采纳为相似问法 Accept' : '不采纳 Reject',
          response: { 200: ZOk },
          params: ZParams,
          body: z.object({}).nullish(),
        },
      },
      async (req) => {
        const p = requireUser(req);
        authorize(p, botPolicy.readLearned);
        await decideLearnedQuestion(ctx.db, p, actorOf(req), req.now, req.params.id, action === 'accept');
        return { ok: true };
      },
    );
  }
}
