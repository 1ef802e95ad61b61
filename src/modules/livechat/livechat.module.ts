import type { DutyReason } from '../../contracts/enums/duty.js';
import { defineModule } from '../../platform/modules.js';
import { definePolicy } from '../../platform/policy/authorize.js';
import { SYSTEM_ACTOR } from '../../platform/events/record-event.js';
import { registerDeadlineRecomputer } from '../calendar/deadline-recomputers.js';
import { agentChatRoutes } from './agent.routes.js';
import { ChatHub } from './chat-hub.js';
import { installChatSocket } from './chat-socket.js';
import { citizenChatRoutes } from './citizen.routes.js';
import { livechatEvents } from './livechat.events.js';
import { livechatPolicy } from './livechat.policy.js';
import { handOverChats } from './use-cases/hand-over.js';
import { routeQueue } from './use-cases/route-queue.js';
import { sweepTimers } from './use-cases/sweep-timers.js';
import { purgeChatFiles } from './use-cases/purge-files.js';
import { recomputeDepartmentDeadlines } from './department-deadlines.js';
import { registerLivechatNotices } from './livechat-notices.js';

declare module '../../platform/app-context.js' {
  interface AppContext {
    /** this node's live-help sockets, fed from the event feed */
    chatHub: ChatHub;
  }
}

/** How often the first-response clock and the end of hours are checked (a sweep on the job runner). */
export const TIMER_SWEEP_MS = 5_000;

/** How often files past their retention period are purged. */
export const FILE_PURGE_SWEEP_MS = 3_600_000;

/** 线上人工帮办 (SPEC §3.2): the queue, routing, chat over WebSockets, transfer, timers and the live wall. */
export const livechatModule = defineModule({
  name: 'livechat',
  policy: definePolicy(livechatPolicy, ['work', 'supervise', 'configure']),
  events: livechatEvents,
  services: async () => {
    registerDeadlineRecomputer('chat_conversation', recomputeDepartmentDeadlines);
    // departments hear of conversations handed to them, supervisors of late first responses
    registerLivechatNotices();
  },
  routes(app, ctx) {
    ctx.chatHub = new ChatHub({ db: ctx.db, clock: ctx.clock, workingTime: ctx.workingTime, log: app.log });
    app.addHook('onClose', async () => ctx.chatHub.close());
    citizenChatRoutes(app, ctx, ctx.chatHub);
    agentChatRoutes(app, ctx, ctx.chatHub);
    installChatSocket(app, ctx, ctx.chatHub);
  },
  jobs(ctx) {
    ctx.jobs.addSweep({
      name: 'livechat.timers',
      everyMs: TIMER_SWEEP_MS,
      handler: async (_p, now) => void (await sweepTimers(ctx, now)),
    });
    // the retention rule for chat files (CHAT_FILE_RETENTION_DAYS after the conversation closed)
    ctx.jobs.addSweep({
      name: 'livechat.file_purge',
      everyMs: FILE_PURGE_SWEEP_MS,
      handler: async (_p, now) => void (await purgeChatFiles(ctx.db, now, ctx.config.chatFileRetentionDays)),
    });
  },
  consumers(ctx) {
    // every node: push to this node's sockets
    ctx.feed.subscribe({
      name: 'livechat.delivery',
      types: ['livechat.*'],
      handle: (e) => ctx.chatHub.handle(e),
      prefetch: (events) => ctx.chatHub.prefetch(events),
    });
    // once per cluster: hand over a signed-out agent's chats, route when someone signs in
    ctx.feed.subscribe({
      name: 'livechat.duty',
      durable: true,
      types: ['duty.signed_in', 'duty.signed_out'],
      handle: async (e) => {
        const now = ctx.clock.now();
        const data = e.data as { userId?: string; reason?: DutyReason };
        if (e.type === 'duty.signed_out' && data.userId)
          await handOverChats(ctx, SYSTEM_ACTOR, now, data.userId, data.reason ?? 'self');
        else await routeQueue(ctx, now);
      },
    });
  },
});
