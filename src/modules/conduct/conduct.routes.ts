import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/app-context.js';
import { shanghaiDate } from '../../platform/calendar/index.js';
import { notFound } from '../../platform/errors.js';
import { actorOf, requireUser } from '../../platform/http/context.js';
import { authorize } from '../../platform/policy/authorize.js';
import { ZOk } from '../../contracts/common.js';
import {
  ZCannedReply,
  ZCannedReplyList,
  ZForbiddenPhrase,
  ZForbiddenPhraseList,
  ZPhraseCheck,
  ZPhraseStats,
} from '../../contracts/conduct.js';
import { userScope } from '../org/org.policy.js';
import { conductPolicy } from './conduct.policy.js';
import {
  ZCannedReplyInput,
  ZCannedReplyQuery,
  ZCheckMessage,
  ZId,
  ZPhraseInput,
  ZStatsQuery,
} from './conduct.schemas.js';
import { invalidateForbiddenPhrases } from './phrase-list.js';
import {
  CANNED_REPLY,
  addCannedReply,
  listCannedReplies,
  removeCannedReply,
  updateCannedReply,
} from './use-cases/manage-canned-replies.js';
import { PHRASE, addPhrase, removePhrase, updatePhrase } from './use-cases/manage-phrases.js';
import { phraseStats } from './use-cases/phrase-stats.js';
import { screenStaffMessage } from './use-cases/screen-staff-message.js';

/** Forbidden phrases (禁语) with their counts, the draft check, and canned replies (常用语). */
export function conductRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['conduct'];

  const phrase = async (id: string) => {
    const row = await ctx.db.selectFrom('conduct_phrases').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound(PHRASE);
    return { id: row.id, phrase: row.phrase, suggestion: row.suggestion, updatedAt: row.updated_at };
  };

  r.get(
    '/api/conduct/phrases',
    { schema: { tags, summary: '服务禁语 Forbidden phrases', response: { 200: ZForbiddenPhraseList } } },
    async (req) => {
      authorize(requireUser(req), conductPolicy.readPhrases);
      const rows = await ctx.db.selectFrom('conduct_phrases').selectAll().orderBy('phrase').execute();
      return {
        items: rows.map((p) => ({ id: p.id, phrase: p.phrase, suggestion: p.suggestion, updatedAt: p.updated_at })),
      };
    },
  );

  r.post(
    '/api/conduct/phrases',
    { schema: { tags, summary: '新增禁语 Add a phrase', body: ZPhraseInput, response: { 201: ZForbiddenPhrase } } },
    async (req, reply) => {
      authorize(requireUser(req), conductPolicy.managePhrases);
      const id = await addPhrase(ctx.db, actorOf(req), req.now, req.body);
      invalidateForbiddenPhrases(ctx.db);
      return reply.status(201).send(await phrase(id));
    },
  );

  r.put(
    '/api/conduct/phrases/:id',
    {
      schema: {
        tags,
        summary: '修改禁语 Change a phrase',
        params: ZId,
        body: ZPhraseInput,
        response: { 200: ZForbiddenPhrase },
      },
    },
    async (req) => {
      authorize(requireUser(req), conductPolicy.managePhrases);
      await updatePhrase(ctx.db, actorOf(req), req.now, req.params.id, req.body);
      invalidateForbiddenPhrases(ctx.db);
      return phrase(req.params.id);
    },
  );

  r.delete(
    '/api/conduct/phrases/:id',
    { schema: { tags, summary: '删除禁语 Remove a phrase', params: ZId, response: { 200: ZOk } } },
    async (req) => {
      authorize(requireUser(req), conductPolicy.managePhrases);
      await removePhrase(ctx.db, actorOf(req), req.now, req.params.id);
      invalidateForbiddenPhrases(ctx.db);
      return { ok: true };
    },
  );

  r.get(
    '/api/conduct/phrase-stats',
    {
      schema: {
        tags,
        summary: '禁语提醒次数 How often phrases fired',
        querystring: ZStatsQuery,
        response: { 200: ZPhraseStats },
      },
    },
    async (req) => {
      authorize(requireUser(req), conductPolicy.phraseStats);
      const today = shanghaiDate(req.now);
      const from = req.query.from ?? `${today.slice(0, 7)}-01`;
      return phraseStats(ctx.db, from, req.query.to ?? (from > today ? from : today));
    },
  );

  r.post(
    '/api/conduct/check',
    {
      schema: { tags, summary: '检查草稿中的禁语 Check a draft', body: ZCheckMessage, response: { 200: ZPhraseCheck } },
    },
    async (req) => {
      authorize(requireUser(req), conductPolicy.checkMessages);
      return { warnings: await screenStaffMessage(ctx.db, req.body.text) };
    },
  );

  r.get(
    '/api/conduct/canned-replies',
    {
      schema: {
        tags,
        summary: '常用语 Canned replies',
        querystring: ZCannedReplyQuery,
        response: { 200: ZCannedReplyList },
      },
    },
    async (req) => {
      const p = requireUser(req);
      authorize(p, conductPolicy.useCannedReplies);
      return { items: await listCannedReplies(ctx.db, userScope(p), req.query) };
    },
  );

  const cannedReply = async (id: string) => {
    const found = (await listCannedReplies(ctx.db, { all: true })).find((c) => c.id === id);
    if (!found) throw notFound(CANNED_REPLY);
    return found;
  };

  r.post(
    '/api/conduct/canned-replies',
    {
      schema: {
        tags,
        summary: '新增常用语 Add a canned reply',
        body: ZCannedReplyInput,
        response: { 201: ZCannedReply },
      },
    },
    async (req, reply) => {
      authorize(requireUser(req), conductPolicy.manageCannedReplies);
      const id = await addCannedReply(ctx.db, actorOf(req), req.now, req.body);
      return reply.status(201).send(await cannedReply(id));
    },
  );

  r.put(
    '/api/conduct/canned-replies/:id',
    {
      schema: {
        tags,
        summary: '修改常用语 Change a canned reply',
        params: ZId,
        body: ZCannedReplyInput,
        response: { 200: ZCannedReply },
      },
    },
    async (req) => {
      authorize(requireUser(req), conductPolicy.manageCannedReplies);
      await updateCannedReply(ctx.db, actorOf(req), req.now, req.params.id, req.body);
      return cannedReply(req.params.id);
    },
  );

  r.delete(
    '/api/conduct/canned-replies/:id',
    { schema: { tags, summary: '删除常用语 Remove a canned reply', params: ZId, response: { 200: ZOk } } },
    async (req) => {
      authorize(requireUser(req), conductPolicy.manageCannedReplies);
      await removeCannedReply(ctx.db, actorOf(req), req.now, req.params.id);
      return { ok: true };
    },
  );
}
