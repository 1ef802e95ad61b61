import { defineModule } from '../../platform/modules.js';
import { definePolicy } from '../../platform/policy/authorize.js';
import { calendarEvents } from './calendar.events.js';
import { calendarPolicy } from './calendar.policy.js';
import { calendarRoutes } from './calendar.routes.js';
import { seedCalendar } from './seed-calendar.js';
import { WorkingTimeService } from './working-time-service.js';

declare module '../../platform/app-context.js' {
  interface AppContext {
    /** the holiday calendar and service hours, cached and refreshed across nodes */
    workingTime: WorkingTimeService;
  }
}

/** The working-time calendar (holidays, make-up days, service hours) every deadline is computed with. */
export const calendarModule = defineModule({
  name: 'calendar',
  policy: definePolicy(calendarPolicy, ['read', 'manage']),
  events: calendarEvents,
  services: async (ctx) => {
    // drops its cache on calendar changes from every node through its own feed subscription
    ctx.workingTime = new WorkingTimeService(ctx.db, ctx.feed);
  },
  routes: calendarRoutes,
  seed: (db, now) => seedCalendar(db, now),
});
