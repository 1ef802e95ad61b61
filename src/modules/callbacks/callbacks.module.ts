import { defineModule } from '../../platform/modules.js';
import { definePolicy } from '../../platform/policy/authorize.js';
import { registerDeadlineRecomputer } from '../calendar/deadline-recomputers.js';
import { recomputeCallbackDeadlines } from './callback-deadlines.js';
import { registerCallbackNotices } from './callback-notices.js';
import { remindCallbacks } from './jobs/remind-callbacks.js';
import { callbackEvents } from './callbacks.events.js';
import { callbacksPolicy } from './callbacks.policy.js';
import { callbackRoutes } from './callbacks.routes.js';

/** Callback cases (留言回电) opened by any channel, each with its due time, worked through a state machine. */
export const callbacksModule = defineModule({
  name: 'callbacks',
  policy: definePolicy(callbacksPolicy, ['read', 'handle']),
  events: callbackEvents,
  services: async () => {
    // open cases' due times follow holiday changes (calendar edits, in the same transaction)
    registerDeadlineRecomputer('callback_request', recomputeCallbackDeadlines);
    // who is told about new, nearly due and overdue cases, and what front-line homes list
    registerCallbackNotices();
  },
  routes: callbackRoutes,
  jobs(ctx) {
    ctx.jobs.addSweep({
      name: 'callbacks.reminders',
      everyMs: 300_000,
      handler: async (_payload, now) => void (await remindCallbacks(ctx.db, now)),
    });
  },
});
