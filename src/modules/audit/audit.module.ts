import { defineEvents } from '../../platform/events/record-event.js';
import { defineModule } from '../../platform/modules.js';
import { definePolicy } from '../../platform/policy/authorize.js';
import { auditPolicy } from './audit.policy.js';
import { auditRoutes } from './audit.routes.js';

/** The audit trail: reads the events table of every module; records nothing of its own. */
export const auditModule = defineModule({
  name: 'audit',
  policy: definePolicy(auditPolicy, ['read']),
  events: defineEvents({}),
  routes: auditRoutes,
});
