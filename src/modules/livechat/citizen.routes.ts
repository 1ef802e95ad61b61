import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import { AppError } from '../../platform/errors.js';
import { actorOf } from '../../platform/http/context.js';
import type { Actor } from '../../platform/events/record-event.js';
import { ZErrorResponse, ZFile, ZOk } from '../../contracts/common.js';
import {
  CHAT_TOKEN_HEADER,
  ZChatMessages,
  ZCitizenConversation,
  ZJoinChat,
  ZJoinedChat,
  ZRateChat,
  ZSendChatMessage,
  ZSentChatMessage,
} from '../../contracts/livechat.js';
import { CHAT_FILE_MAX_BYTES } from '../../contracts/enums/livechat.js';
import type { ChatHub } from './chat-hub.js';
import { citizenView } from './citizen-view.js';
import { conversationByToken, messagesAfter, type ConversationRow } from './livechat.repo.js';
import { presentMessages } from './livechat.presenters.js';
import { ZAfter, ZReadBody, ZTranscriptQuery, ZUploadQuery } from './livechat.schemas.js';
import { transcriptLines, transcriptPdf, transcriptText } from './transcript.js';
import { endByCitizen } from './use-cases/close-conversation.js';
import { joinQueue } from './use-cases/join-queue.js';
import { markRead } from './use-cases/mark-read.js';
import { rateConversation } from './use-cases/rate-conversation.js';
import { routeQueue } from './use-cases/route-queue.js';
import { sendMessage } from './use-cases/send-message.js';
import { uploadFile } from './use-cases/upload-file.js';
import { serveFile } from './serve-file.js';

/**
 * The citizen's live-help API: public and cookie-free like the bot's (the conversation token in
 * the X-Chat-Token header, so the widget works inside another site's page), rate-limited per client.
 */
export function citizenChatRoutes(app: FastifyInstance, ctx: AppContext, hub: ChatHub): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['live help'];
  const pub = (max: number) => ({ public: true, csrf: false, rateLimit: { max, timeWindow: '1 minute' } });
  const citizen = (req: FastifyRequest): Actor => ({
    ...actorOf(req),
    userId: null,
    label: '市民（人工帮办）citizen',
    departmentId: null,
  });
  const mine = async (req: FastifyRequest): Promise<ConversationRow> => {
    const token = req.headers[CHAT_TOKEN_HEADER];
    const c = typeof token === 'string' ? await conversationByToken(ctx.db, token) : null;
    if (!c)
      throw new AppError('SESSION_EXPIRED', {
        zh: '找不到您的人工会话，请重新发起。',
        en: 'Your live-help conversation was not found; start again.',
      });
    return c;
  };

  r.post(
    '/api/chat/conversations',
    {
      schema: { tags, summary: '转人工 Join the live-help queue', response: { 201: ZJoinedChat }, body: ZJoinChat },
      config: pub(10),
    },
    async (req, reply) => {
      const { token, conversation } = await joinQueue(ctx, citizen(req), req.now, req.body);
      await routeQueue(ctx, req.now);
      const fresh = (await conversationByToken(ctx.db, token))!;
      return reply.status(201).send({ token, conversation: await citizenView(ctx, fresh ?? conversation, req.now) });
    },
  );

  r.get(
    '/api/chat/conversation',
    {
      schema: { tags, summary: '我的人工会话 My conversation', response: { 200: ZCitizenConversation } },
      config: pub(120),
    },
    async (req) => citizenView(ctx, await mine(req), req.now),
  );

  r.get(
    '/api/chat/messages',
    {
      schema: { tags, summary: '会话消息 Messages after a seq', response: { 200: ZChatMessages }, querystring: ZAfter },
      config: pub(120),
    },
    async (req) => {
      const c = await mine(req);
      const rows = await messagesAfter(ctx.db, c.id, req.query.after, { notes: false });
      return { items: await presentMessages(ctx.db, rows), lastSeq: Number(c.last_seq) };
    },
  );

  r.post(
    '/api/chat/messages',
    {
      schema: {
        tags,
        summary: '发送消息 Send a message (REST twin of the socket)',
        response: { 200: ZSentChatMessage },
        body: ZSendChatMessage,
      },
      config: pub(60),
    },
    async (req) => {
      const c = await mine(req);
      const r = await sendMessage(
        ctx.db,
        citizen(req),
        req.now,
        { side: 'citizen', conversationId: c.id },
        {
          ...req.body,
          conversationId: c.id,
        },
      );
      if ('warning' in r) return { message: null, warning: r.warning };
      const [m] = await presentMessages(ctx.db, [r.stored]);
      if (!r.repeated) hub.remember(m);
      return { message: m, warning: null };
    },
  );

  r.post(
    '/api/chat/read',
    { schema: { tags, summary: '已读 Read up to a seq', response: { 200: ZOk }, body: ZReadBody }, config: pub(120) },
    async (req) => {
      const c = await mine(req);
      await markRead(ctx.db, citizen(req), req.now, c.id, 'citizen', req.body.seq);
      return { ok: true };
    },
  );

  // Files arrive as the raw body (the picture or PDF itself), name and clientId in the query.
  app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/octet-stream',
      { parseAs: 'buffer', bodyLimit: CHAT_FILE_MAX_BYTES + 1 },
      (_r, body, done) => done(null, body),
    );
    const s = scope.withTypeProvider<ZodTypeProvider>();
    s.post(
      '/api/chat/files',
      {
        schema: {
          tags,
          summary: '发送图片或 PDF Send a picture or PDF (raw body)',
          response: { 200: ZSentChatMessage },
          querystring: ZUploadQuery,
          body: z.any(),
        },
        config: pub(20),
        bodyLimit: CHAT_FILE_MAX_BYTES + 1,
      },
      async (req) => {
        const c = await mine(req);
        if (!Buffer.isBuffer(req.body))
          throw new AppError('VALIDATION_FAILED', {
            zh: '请以 application/octet-stream 上传文件内容。',
            en: 'Send the file as application/octet-stream.',
          });
        const r = await uploadFile(
          ctx.db,
          citizen(req),
          req.now,
          { side: 'citizen', conversationId: c.id },
          {
            conversationId: c.id,
            clientId: req.query.clientId,
            name: req.query.name,
            data: req.body,
          },
        );
        const [m] = await presentMessages(ctx.db, [r.stored]);
        return { message: m, warning: null };
      },
    );
  });

  r.get(
    '/api/chat/files/:id',
    {
      schema: {
        tags,
        summary: '查看文件 A file of my conversation',
        // 410: deleted after the retention period (CHAT_FILE_RETENTION_DAYS)
        response: { 200: ZFile, 410: ZErrorResponse },
        params: z.object({ id: z.string().min(1).max(64) }),
      },
      config: pub(120),
    },
    async (req, reply) => {
      const c = await mine(req);
      return serveFile(ctx.db, reply, req.params.id, (convId) => convId === c.id);
    },
  );

  r.post(
    '/api/chat/end',
    { schema: { tags, summary: '结束会话 End the conversation', response: { 200: ZOk } }, config: pub(10) },
    async (req) => {
      await endByCitizen(ctx, citizen(req), req.now, await mine(req));
      await routeQueue(ctx, req.now);
      return { ok: true };
    },
  );

  r.post(
    '/api/chat/rating',
    { schema: { tags, summary: '好差评 Rate', response: { 200: ZOk }, body: ZRateChat }, config: pub(10) },
    async (req) => {
      await rateConversation(ctx.db, citizen(req), req.now, await mine(req), req.body);
      return { ok: true };
    },
  );

  r.get(
    '/api/chat/transcript',
    {
      schema: { tags, summary: '下载会话记录 Transcript', response: { 200: ZFile }, querystring: ZTranscriptQuery },
      config: pub(20),
    },
    async (req, reply) => {
      const c = await mine(req);
      const rows = await messagesAfter(ctx.db, c.id, 0, { notes: false, limit: 10_000 });
      const lines = transcriptLines({ number: c.number, createdAt: c.created_at }, await presentMessages(ctx.db, rows));
      return sendTranscript(reply, c.number, lines, req.query.format);
    },
  );
}

export function sendTranscript(
  reply: import('fastify').FastifyReply,
  number: string,
  lines: string[],
  format: 'txt' | 'pdf',
) {
  if (format === 'pdf')
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="${number}.pdf"`)
      .send(transcriptPdf(lines));
  return reply
    .type('text/plain; charset=utf-8')
    .header('content-disposition', `attachment; filename="${number}.txt"`)
    .send(transcriptText(lines));
}
