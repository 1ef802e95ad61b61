import { defineModule } from '../../platform/modules.js';
import { definePolicy } from '../../platform/policy/authorize.js';
import { registerDeadlineRecomputer } from '../calendar/deadline-recomputers.js';
import { recomputeOrderDeadlines } from './order-deadline-recompute.js';
import { seedOrderTypes } from './order-types.js';
import { seedDemoOrders } from './seed/demo-orders.js';
import { publicWorkOrderRoutes } from './public.routes.js';
import { workOrderPrintRoutes } from './print.routes.js';
import { workOrderImportRoutes } from './import.routes.js';
import { receiveLiveHelpCase } from './use-cases/from-live-help.js';
import { sweepDeadlines } from './use-cases/sweep-deadlines.js';
import { workOrderEvents } from './work-orders.events.js';
import { registerWorkOrderNotices } from './work-order-notices.js';
import { workOrdersPolicy } from './work-orders.policy.js';
import { workOrderRoutes } from './work-orders.routes.js';

/** How often the deadline alerts are checked (a sweep on the job runner). */
export const DEADLINE_SWEEP_MS = 60_000;

/** 工单 (SPEC §3.4): 12345 and 办不成事 orders, dispatched, handled, called back and closed out on time. */
export const workOrdersModule = defineModule({
  name: 'workOrders',
  policy: definePolicy(workOrdersPolicy, ['read', 'seeAll', 'dispatch', 'recordWindow', 'performance', 'settings']),
  events: workOrderEvents,
  seed: async (db, now, opts) => {
    await seedOrderTypes(db, now);
    if (opts.demoCases) await seedDemoOrders(db, now);
  },
  services: async () => {
    registerDeadlineRecomputer('work_order', recomputeOrderDeadlines);
    registerWorkOrderNotices();
  },
  routes(app, ctx) {
    workOrderRoutes(app, ctx);
    publicWorkOrderRoutes(app, ctx);
    workOrderPrintRoutes(app, ctx);
    workOrderImportRoutes(app, ctx);
  },
  jobs(ctx) {
    ctx.jobs.addSweep({
      name: 'work_orders.deadlines',
      everyMs: DEADLINE_SWEEP_MS,
      handler: async (_p, now) => void (await sweepDeadlines(ctx, now)),
    });
  },
  consumers(ctx) {
    // once per cluster: a live-help conversation pushed to the hotline office becomes an order
    ctx.feed.subscribe({
      name: 'work-orders.live-help',
      durable: true,
      types: ['livechat.pushed_to_hotline'],
      handle: async (e) => {
        const { caseId } = e.data as { caseId?: string };
        if (caseId) await receiveLiveHelpCase(ctx, ctx.clock.now(), caseId);
      },
    });
  },
});
