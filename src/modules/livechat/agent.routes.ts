import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import { AppError } from '../../platform/errors.js';
import { actorOf, requireUser } from '../../platform/http/context.js';
import { authorize } from '../../platform/policy/authorize.js';
import type { Principal } from '../../platform/policy/principal.js';
import { recordEvent } from '../../platform/events/record-event.js';
import { ZErrorResponse, ZFile, ZOk } from '../../contracts/common.js';
import {
  ZAgentConversation,
  ZAgentConversationDetail,
  ZAgentConversationList,
  ZChatConsultList,
  ZChatMessages,
  ZChatWall,
  ZCloseChat,
  ZConsultReply,
  ZProposeChatAnswer,
  ZProposedChatAnswer,
  ZSendChatMessage,
  ZSentChatMessage,
  ZStartConsult,
  ZTransferChat,
} from '../../contracts/livechat.js';
import { CHAT_FILE_MAX_BYTES } from '../../contracts/enums/livechat.js';
import { listBotTurns } from '../bot/bot.queries.js';
import type { ChatHub } from './chat-hub.js';
import { MAX_CHATS_SETTING, maxChatsPerAgent } from './chat-deps.js';
import { sendTranscript } from './citizen.routes.js';
import {
  accessOf,
  departmentName,
  messagesAfter,
  requireConversation,
  staffByIds,
  type ConversationRow,
} from './livechat.repo.js';
import { livechatPolicy } from './livechat.policy.js';
import { agentConversations, presentMessages } from './livechat.presenters.js';
import {
  ZAfter,
  ZAgentListQuery,
  ZConvId,
  ZMaxChats,
  ZReadBody,
  ZTranscriptQuery,
  ZUploadQuery,
} from './livechat.schemas.js';
import { serveFile } from './serve-file.js';
import { transcriptLines } from './transcript.js';
import { chatWall } from './wall.js';
import { closeConversation } from './use-cases/close-conversation.js';
import { consultsFor, replyConsult, startConsult } from './use-cases/consult.js';
import { markRead } from './use-cases/mark-read.js';
import { proposeAnswer } from './use-cases/propose-answer.js';
import { routeQueue } from './use-cases/route-queue.js';
import { notPart, sendMessage } from './use-cases/send-message.js';
import { takeConversation, transferConversation } from './use-cases/transfer-conversation.js';
import { uploadFile } from './use-cases/upload-file.js';

/** The staff side of live help: the agent's list and detail, the actions, consultations, the supervisor's wall. */
export function agentChatRoutes(app: FastifyInstance, ctx: AppContext, hub: ChatHub): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['live help (staff)'];
  const base = '/api/chat/agent/conversations';

  /** The conversation if the user may see it (404 otherwise, also for an outsider's department). */
  const visible = async (p: Principal, id: string): Promise<ConversationRow> => {
    const c = await requireConversation(ctx.db, id).catch(() => {
      throw notPart();
    });
    if (!livechatPolicy.read(p, await accessOf(ctx.db, c))) throw notPart();
    return c;
  };
  const staffUser = (req: Parameters<typeof requireUser>[0]) => {
    const p = requireUser(req);
    if (!livechatPolicy.work(p) && !livechatPolicy.supervise(p)) throw new AppError('FORBIDDEN');
    return p;
  };

  r.get(
    base,
    {
      schema: {
        tags,
        summary: '我的会话 My conversations',
        response: { 200: ZAgentConversationList },
        querystring: ZAgentListQuery,
      },
    },
    async (req) => {
      const p = staffUser(req);
      const { scope, status } = req.query;
      if (scope === 'all') authorize(p, livechatPolicy.supervise);
      let q = ctx.db.selectFrom('chat_conversations').selectAll();
      q = status === 'open' ? q.where('status', '!=', 'closed') : q.where('status', '=', 'closed');
      if (scope !== 'all') {
        const dept = p.roles.includes('business_agent') ? p.departmentId : null;
        q = q.where((eb) => {
          const held = eb.exists(
            eb
              .selectFrom('chat_holders')
              .select('chat_holders.user_id')
              .whereRef('chat_holders.conversation_id', '=', 'chat_conversations.id')
              .where('chat_holders.user_id', '=', p.id),
          );
          const ors = [eb('agent_id', '=', p.id)];
          if (status === 'closed' || scope === 'department') ors.push(held);
          if (dept)
            ors.push(
              scope === 'department'
                ? eb('department_id', '=', dept)
                : eb.and([eb('department_id', '=', dept), eb('status', '=', 'awaiting_department')]),
            );
          return eb.or(ors);
        });
      }
      const rows = await q
        .orderBy('queued_at', status === 'open' ? 'asc' : 'desc')
        .limit(200)
        .execute();
      return { items: await agentConversations(ctx.db, rows) };
    },
  );

  r.get(
    `${base}/:id`,
    {
      schema: { tags, summary: '会话详情 Conversation', response: { 200: ZAgentConversationDetail }, params: ZConvId },
    },
    async (req) => {
      const p = staffUser(req);
      const c = await visible(p, req.params.id);
      const [view] = await agentConversations(ctx.db, [c]);
      const messages = await presentMessages(
        ctx.db,
        await messagesAfter(ctx.db, c.id, 0, { notes: true, limit: 5000 }),
      );
      const transfers = await ctx.db
        .selectFrom('chat_transfers')
        .selectAll()
        .where('conversation_id', '=', c.id)
        .orderBy('created_at')
        .execute();
      const staff = await staffByIds(
        ctx.db,
        transfers.map((t) => t.from_user_id),
      );
      return {
        ...view,
        messages,
        botHistory: c.bot_session_id ? await listBotTurns(ctx.db, c.bot_session_id) : [],
        transfers: await Promise.all(
          transfers.map(async (t) => ({
            from: t.from_user_id ? (staff.get(t.from_user_id) ?? null) : null,
            departmentId: t.department_id,
            department: (await departmentName(ctx.db, t.department_id)) ?? { zh: '?', en: '?' },
            note: t.note,
            at: t.created_at,
          })),
        ),
        citizenReadSeq: Number(c.citizen_read_seq),
      };
    },
  );

  r.get(
    `${base}/:id/messages`,
    {
      schema: {
        tags,
        summary: '会话消息 Messages after a seq',
        response: { 200: ZChatMessages },
        params: ZConvId,
        querystring: ZAfter,
      },
    },
    async (req) => {
      const c = await visible(staffUser(req), req.params.id);
      const rows = await messagesAfter(ctx.db, c.id, req.query.after, { notes: true });
      return { items: await presentMessages(ctx.db, rows), lastSeq: Number(c.last_seq) };
    },
  );

  r.post(
    `${base}/:id/messages`,
    {
      schema: {
        tags,
        summary: '回复或备注 Reply or note (REST twin of the socket)',
        response: { 200: ZSentChatMessage },
        params: ZConvId,
        body: ZSendChatMessage,
      },
    },
    async (req) => {
      const p = staffUser(req);
      const r = await sendMessage(
        ctx.db,
        actorOf(req),
        req.now,
        { side: 'agent', principal: p },
        {
          ...req.body,
          conversationId: req.params.id,
        },
      );
      if ('warning' in r) return { message: null, warning: r.warning };
      const [m] = await presentMessages(ctx.db, [r.stored]);
      if (!r.repeated) hub.remember(m);
      return { message: m, warning: null };
    },
  );

  r.post(
    `${base}/:id/note`,
    {
      schema: {
        tags,
        summary: '内部备注 Internal note (never sent to the citizen)',
        response: { 200: ZSentChatMessage },
        params: ZConvId,
        body: ZSendChatMessage.omit({ kind: true, force: true }),
      },
    },
    async (req) => {
      const p = staffUser(req);
      const r = await sendMessage(
        ctx.db,
        actorOf(req),
        req.now,
        { side: 'agent', principal: p },
        {
          ...req.body,
          kind: 'note',
          conversationId: req.params.id,
        },
      );
      if ('warning' in r) return { message: null, warning: r.warning };
      return { message: (await presentMessages(ctx.db, [r.stored]))[0], warning: null };
    },
  );

  r.post(
    `${base}/:id/read`,
    { schema: { tags, summary: '已读 Read up to a seq', response: { 200: ZOk }, params: ZConvId, body: ZReadBody } },
    async (req) => {
      const p = staffUser(req);
      const c = await visible(p, req.params.id);
      authorize(p, livechatPolicy.act, await accessOf(ctx.db, c));
      await markRead(ctx.db, actorOf(req), req.now, c.id, 'agent', req.body.seq);
      return { ok: true };
    },
  );

  r.post(
    `${base}/:id/transfer`,
    {
      schema: {
        tags,
        summary: '转业务客服 Transfer to a department',
        response: { 200: ZAgentConversation },
        params: ZConvId,
        body: ZTransferChat,
      },
    },
    async (req) => {
      const p = staffUser(req);
      const c = await transferConversation(ctx, p, actorOf(req), req.now, req.params.id, req.body);
      await routeQueue(ctx, req.now); // a window agent's place freed
      return (await agentConversations(ctx.db, [c]))[0];
    },
  );

  r.post(
    `${base}/:id/take`,
    {
      schema: {
        tags,
        summary: '接手部门会话 Take a conversation waiting for my department',
        response: { 200: ZOk },
        params: ZConvId,
      },
    },
    async (req) => {
      const p = staffUser(req);
      await visible(p, req.params.id);
      await takeConversation(ctx, p, actorOf(req), req.now, req.params.id);
      return { ok: true };
    },
  );

  r.post(
    `${base}/:id/close`,
    {
      schema: {
        tags,
        summary: '结束会话 Close with the outcome',
        response: { 200: ZOk },
        params: ZConvId,
        body: ZCloseChat,
      },
    },
    async (req) => {
      const p = staffUser(req);
      await closeConversation(ctx, p, actorOf(req), req.now, req.params.id, req.body);
      await routeQueue(ctx, req.now);
      return { ok: true };
    },
  );

  r.post(
    `${base}/:id/propose-kb`,
    {
      schema: {
        tags,
        summary: '有效答复提交知识库 Propose the answer to the KB',
        response: { 200: ZProposedChatAnswer },
        params: ZConvId,
        body: ZProposeChatAnswer,
      },
    },
    async (req) => {
      const p = staffUser(req);
      return { proposalId: await proposeAnswer(ctx.db, p, actorOf(req), req.now, req.params.id, req.body) };
    },
  );

  r.get(
    `${base}/:id/consults`,
    {
      schema: {
        tags,
        summary: '内部会商 Consultations of a conversation',
        response: { 200: ZChatConsultList },
        params: ZConvId,
      },
    },
    async (req) => {
      const p = staffUser(req);
      await visible(p, req.params.id);
      return { items: await consultsFor(ctx.db, p, req.params.id) };
    },
  );

  r.post(
    `${base}/:id/consults`,
    {
      schema: {
        tags,
        summary: '发起内部会商 Consult a department or colleague',
        response: { 201: z.object({ id: z.string() }) },
        params: ZConvId,
        body: ZStartConsult,
      },
    },
    async (req, reply) => {
      const p = staffUser(req);
      const id = await startConsult(ctx.db, p, actorOf(req), req.now, req.params.id, req.body);
      return reply.status(201).send({ id });
    },
  );

  r.get(
    '/api/chat/consults',
    { schema: { tags, summary: '我的内部会商 My consultations', response: { 200: ZChatConsultList } } },
    async (req) => ({ items: await consultsFor(ctx.db, staffUser(req)) }),
  );

  r.post(
    '/api/chat/consults/:id/messages',
    {
      schema: {
        tags,
        summary: '会商回复 Reply in a consultation',
        response: { 200: ZOk },
        params: ZConvId,
        body: ZConsultReply,
      },
    },
    async (req) => {
      await replyConsult(ctx.db, staffUser(req), actorOf(req), req.now, req.params.id, req.body.text);
      return { ok: true };
    },
  );

  app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/octet-stream',
      { parseAs: 'buffer', bodyLimit: CHAT_FILE_MAX_BYTES + 1 },
      (_r, body, done) => done(null, body),
    );
    scope.withTypeProvider<ZodTypeProvider>().post(
      `${base}/:id/files`,
      {
        schema: {
          tags,
          summary: '发送图片或 PDF Send a picture or PDF (raw body)',
          response: { 200: ZSentChatMessage },
          params: ZConvId,
          querystring: ZUploadQuery,
          body: z.any(),
        },
        bodyLimit: CHAT_FILE_MAX_BYTES + 1,
      },
      async (req) => {
        const p = staffUser(req);
        if (!Buffer.isBuffer(req.body))
          throw new AppError('VALIDATION_FAILED', {
            zh: '请以 application/octet-stream 上传文件内容。',
            en: 'Send the file as application/octet-stream.',
          });
        const r = await uploadFile(
          ctx.db,
          actorOf(req),
          req.now,
          { side: 'agent', principal: p },
          {
            conversationId: req.params.id,
            clientId: req.query.clientId,
            name: req.query.name,
            data: req.body,
          },
        );
        return { message: (await presentMessages(ctx.db, [r.stored]))[0], warning: null };
      },
    );
  });

  r.get(
    '/api/chat/agent/files/:id',
    // 410: deleted after the retention period (CHAT_FILE_RETENTION_DAYS)
    { schema: { tags, summary: '查看文件 A file', response: { 200: ZFile, 410: ZErrorResponse }, params: ZConvId } },
    async (req, reply) => {
      const p = staffUser(req);
      return serveFile(ctx.db, reply, req.params.id, async (convId) => {
        const c = await requireConversation(ctx.db, convId);
        return livechatPolicy.read(p, await accessOf(ctx.db, c));
      });
    },
  );

  r.get(
    `${base}/:id/transcript`,
    {
      schema: {
        tags,
        summary: '会话记录 Transcript',
        response: { 200: ZFile },
        params: ZConvId,
        querystring: ZTranscriptQuery,
      },
    },
    async (req, reply) => {
      const c = await visible(staffUser(req), req.params.id);
      const rows = await messagesAfter(ctx.db, c.id, 0, { notes: true, limit: 10_000 });
      const lines = transcriptLines({ number: c.number, createdAt: c.created_at }, await presentMessages(ctx.db, rows));
      return sendTranscript(reply, c.number, lines, req.query.format);
    },
  );

  r.get(
    '/api/chat/wall',
    { schema: { tags, summary: '人工服务监控墙 Live wall', response: { 200: ZChatWall } } },
    async (req) => {
      authorize(requireUser(req), livechatPolicy.supervise);
      return chatWall(ctx.db, req.now);
    },
  );

  r.put(
    '/api/chat/settings',
    { schema: { tags, summary: '每人同时接待上限 Chats per agent', response: { 200: ZMaxChats }, body: ZMaxChats } },
    async (req) => {
      authorize(requireUser(req), livechatPolicy.configure);
      const value = JSON.stringify(req.body.maxChatsPerAgent);
      await ctx.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('settings')
          .values({ key: MAX_CHATS_SETTING, value, updated_at: req.now.toISOString() })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: req.now.toISOString() }))
          .execute();
        await recordEvent(trx, actorOf(req), req.now, {
          type: 'livechat.settings_changed',
          data: { maxChatsPerAgent: req.body.maxChatsPerAgent },
        });
      });
      await routeQueue(ctx, req.now);
      return { maxChatsPerAgent: await maxChatsPerAgent(ctx.db) };
    },
  );

  r.get(
    '/api/chat/settings',
    { schema: { tags, summary: '每人同时接待上限 Chats per agent', response: { 200: ZMaxChats } } },
    async (req) => {
      staffUser(req);
      return { maxChatsPerAgent: await maxChatsPerAgent(ctx.db) };
    },
  );
}
