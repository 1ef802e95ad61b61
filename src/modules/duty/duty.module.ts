import { defineModule } from '../../platform/modules.js';
import { definePolicy } from '../../platform/policy/authorize.js';
import { dutyEvents } from './duty.events.js';
import { dutyPolicy } from './duty.policy.js';
import { dutyRoutes } from './duty.routes.js';
import { signOutAtClose } from './jobs/sign-out-at-close.js';
import { signOutOnLogout } from './jobs/sign-out-on-logout.js';

/** How often the end-of-hours sweep looks for agents still signed in after live help closed. */
export const SIGN_OUT_SWEEP_MS = 60_000;

/** Live-help duty (seed art. 7 按时签录、签出): the roster, sign in / out, late and early minutes. */
export const dutyModule = defineModule({
  name: 'duty',
  policy: definePolicy(dutyPolicy, ['signIn', 'readRoster', 'editRoster', 'readRecords', 'signOutOthers']),
  events: dutyEvents,
  routes: dutyRoutes,
  jobs(ctx) {
    ctx.jobs.addSweep({
      name: 'duty.sign_out_at_close',
      everyMs: SIGN_OUT_SWEEP_MS,
      handler: async (_payload, now) => {
        await signOutAtClose(
          ctx.db,
          now,
          await ctx.workingTime.getCalendar(),
          await ctx.workingTime.getHours('live_help'),
        );
      },
    });
  },
  consumers(ctx) {
    // once per cluster: signing out of Bangban signs out of duty (chats handed over)
    ctx.feed.subscribe({
      name: 'duty.sign_out_on_logout',
      durable: true,
      types: ['auth.logout'],
      handle: async (e) =>
        void (await signOutOnLogout(
          ctx.db,
          e,
          await ctx.workingTime.getCalendar(),
          await ctx.workingTime.getHours('live_help'),
        )),
    });
  },
});
