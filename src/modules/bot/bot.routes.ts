import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/app-context.js';
import { isWithinServiceHours, nextServiceOpening } from '../../platform/calendar/index.js';
import { actorOf } from '../../platform/http/context.js';
import { AppError } from '../../platform/errors.js';
import { botHandedToHuman } from '../livechat/livechat.queries.js';
import type { BotIndex } from './bot-index.js';
import { requireBotSession, startBotSession } from './bot-session.js';
import { ZAsk, ZFeedback, ZLeaveMessage, ZRate, ZStartSession, ZTurnParams } from './bot.schemas.js';
import { askQuestion } from './use-cases/ask-question.js';
import { giveFeedback } from './use-cases/give-feedback.js';
import { leaveMessage } from './use-cases/leave-message.js';
import { rateBotSession } from './use-cases/rate-session.js';
import { ZAskReply, ZBotSession, ZBotStatus, ZFeedbackReply, ZMessageReceipt } from '../../contracts/bot.js';
import { ZOk } from '../../contracts/common.js';

/**
 * The citizen-facing bot API. Public and cookie-free: a conversation is named by its token in the
 * X-Bot-Token header (so it works inside the embeddable widget), hence no cookie CSRF; every
 * route is rate-limited per client.
 */
export function botRoutes(app: FastifyInstance, ctx: AppContext, index: BotIndex): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['bot'];
  const citizen = (req: FastifyRequest) => ({ ...actorOf(req), label: '市民（小申）citizen' });
  const pub = (max: number) => ({ public: true, csrf: false, rateLimit: { max, timeWindow: '1 minute' } });

  async function liveHelpStatus(now: Date) {
    const cal = await ctx.workingTime.getCalendar();
    const hours = await ctx.workingTime.getHours('live_help');
    return {
      open: isWithinServiceHours(cal, hours, now),
      nextOpening: nextServiceOpening(cal, hours, now).toISOString(),
      periods: hours.periods,
    };
  }

  r.post(
    '/api/bot/sessions',
    {
      schema: { tags, summary: '开始对话 Start a conversation', response: { 201: ZBotSession }, body: ZStartSession },
      config: pub(30),
    },
    async (req, reply) => {
      const origin = typeof req.headers.origin === 'string' ? req.headers.origin : null;
      const s = await startBotSession(ctx.db, req.now, req.body.channel, origin);
      return reply.status(201).send({ sessionId: s.id, token: s.token, liveHelp: await liveHelpStatus(req.now) });
    },
  );

  r.post(
    '/api/bot/ask',
    { schema: { tags, summary: '提问 Ask', response: { 200: ZAskReply }, body: ZAsk }, config: pub(40) },
    async (req) => {
      const session = await requireBotSession(ctx.db, req);
      // once handed to live help the bot stays silent in this conversation (the agent answers)
      if (await botHandedToHuman(ctx.db, session.id))
        throw new AppError(
          'CONFLICT',
          { zh: '您已转人工服务，请在人工对话中继续。', en: 'You are with live help now; continue there.' },
          { reason: 'with_live_help' },
        );
      const reply = await askQuestion(ctx.db, index, citizen(req), req.now, session, req.body);
      return { ...reply, liveHelp: await liveHelpStatus(req.now) };
    },
  );

  r.post(
    '/api/bot/turns/:id/feedback',
    {
      schema: {
        tags,
        summary: '已解决/未解决 Solved?',
        response: { 200: ZFeedbackReply },
        params: ZTurnParams,
        body: ZFeedback,
      },
      config: pub(40),
    },
    async (req) => {
      const session = await requireBotSession(ctx.db, req);
      await giveFeedback(ctx.db, citizen(req), req.now, session, req.params.id, req.body.solved);
      const liveHelp = await liveHelpStatus(req.now);
      // The next step when unsolved: a human inside live-help hours, otherwise a message for a call back.
      const next = req.body.solved
        ? ('rate' as const)
        : liveHelp.open
          ? ('transfer' as const)
          : ('leave_message' as const);
      return { ok: true, next, liveHelp };
    },
  );

  r.post(
    '/api/bot/rating',
    { schema: { tags, summary: '好差评 Rate the conversation', response: { 200: ZOk }, body: ZRate }, config: pub(20) },
    async (req) => {
      const session = await requireBotSession(ctx.db, req);
      await rateBotSession(ctx.db, citizen(req), req.now, session, req.body.level, req.body.comment);
      return { ok: true };
    },
  );

  r.post(
    '/api/bot/messages',
    {
      schema: {
        tags,
        summary: '留言 Leave a message for a call back',
        response: { 201: ZMessageReceipt },
        body: ZLeaveMessage,
      },
      config: pub(5),
    },
    async (req, reply) => {
      const session = await requireBotSession(ctx.db, req);
      const cal = await ctx.workingTime.getCalendar();
      const receipt = await leaveMessage(
        ctx.db,
        { ...actorOf(req), label: `citizen ${req.body.name}` },
        req.now,
        cal,
        await ctx.workingTime.closeOfBusiness(),
        { ...req.body, botSessionId: session.id },
      );
      return reply.status(201).send(receipt);
    },
  );

  r.get(
    '/api/bot/status',
    {
      schema: { tags, summary: '小申与人工服务状态 Bot and live-help status', response: { 200: ZBotStatus } },
      config: { public: true },
    },
    async (req) => {
      return { entries: index.size, liveHelp: await liveHelpStatus(req.now) };
    },
  );
}
