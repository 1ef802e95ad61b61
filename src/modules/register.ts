import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../platform/app-context.js';
import { auditRoutes } from './audit/audit.routes.js';
import { calendarRoutes } from './calendar/calendar.routes.js';
import { authRoutes } from './org/auth.routes.js';
import { departmentRoutes } from './org/departments.routes.js';
import { matterRoutes } from './org/matters.routes.js';
import { userRoutes } from './org/users.routes.js';
import { knowledgeRoutes } from './knowledge/knowledge.routes.js';
import { botRoutes } from './bot/bot.routes.js';
import { botStaffRoutes } from './bot/inbox.routes.js';
import { widgetRoutes } from './bot/widget.routes.js';
import { registerDeadlineRecomputer } from './calendar/deadline-recomputers.js';
import { recomputeCallbackDeadlines } from './callbacks/callback-deadlines.js';
import { recomputePolicyDeadlines } from './knowledge/policy-deadlines.js';
import { callbackRoutes } from './callbacks/callbacks.routes.js';

/** Wires every domain module into the server; a new module adds one line here. */
export function registerModules(app: FastifyInstance, ctx: AppContext): void {
  authRoutes(app, ctx);
  userRoutes(app, ctx);
  departmentRoutes(app, ctx);
  matterRoutes(app, ctx);
  calendarRoutes(app, ctx);
  auditRoutes(app, ctx);
  knowledgeRoutes(app, ctx);
  botRoutes(app, ctx, ctx.botIndex);
  botStaffRoutes(app, ctx, ctx.botIndex);
  widgetRoutes(app);
  // stored deadlines recomputed when holidays change (calendar edits, in the same transaction)
  registerDeadlineRecomputer('callback_request', recomputeCallbackDeadlines);
  registerDeadlineRecomputer('policy_document', recomputePolicyDeadlines);
  callbackRoutes(app, ctx);
}
