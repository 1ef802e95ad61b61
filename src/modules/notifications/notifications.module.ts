import { defineModule } from '../../platform/modules.js';
import { definePolicy } from '../../platform/policy/authorize.js';
import { createSenders, type Senders } from './delivery/senders.js';
import { deliverDue } from './delivery/outbox.js';
import { noticeTypes } from './notice-registry.js';
import { notificationEvents } from './notifications.events.js';
import { notificationsPolicy } from './notifications.policy.js';
import { notificationRoutes } from './notifications.routes.js';
import { notifyEvent } from './use-cases/notify-event.js';

declare module '../../platform/app-context.js' {
  interface AppContext {
    /** how the outbox sends e-mail and webhook calls (tests replace it) */
    notificationSenders: Senders;
  }
}

/** How often the outbox is worked (a sweep on the job runner). */
export const OUTBOX_SWEEP_MS = 15_000;

/**
 * The notification centre of every module (issue 8): one durable consumer turns the events that
 * modules declared with `registerNotice` into notices for people, as each chose, and into the
 * outbox of departments' e-mails and webhooks; "my work" gathers what `registerWorkSource`s hold.
 */
export const notificationsModule = defineModule({
  name: 'notifications',
  policy: definePolicy(notificationsPolicy, ['read', 'myWork', 'manageChannels']),
  events: notificationEvents,
  services: async (ctx) => {
    ctx.notificationSenders = createSenders({ smtpUrl: ctx.config.smtpUrl, smtpFrom: ctx.config.smtpFrom });
  },
  routes: notificationRoutes,
  jobs(ctx) {
    ctx.jobs.addSweep({
      name: 'notifications.outbox',
      everyMs: OUTBOX_SWEEP_MS,
      handler: async (_p, now) => void (await deliverDue(ctx.db, ctx.notificationSenders, now)),
    });
  },
  consumers(ctx) {
    // once per cluster, at least once per event: idempotent by (event, recipient) and (event, channel, target)
    ctx.feed.subscribe({
      name: 'notifications.notices',
      durable: true,
      types: noticeTypes(),
      handle: async (e) =>
        void (await notifyEvent(
          {
            db: ctx.db,
            clock: ctx.clock,
            emailEnabled: !!ctx.config.smtpUrl,
            publicUrl: ctx.config.publicUrl ?? '',
          },
          e,
        )),
    });
  },
});
