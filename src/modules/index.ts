import { installEventCatalogue, type EventCatalogue } from '../platform/events/record-event.js';
import { installPolicies } from '../platform/policy/authorize.js';
import { auditModule } from './audit/audit.module.js';
import { botModule } from './bot/bot.module.js';
import { calendarModule } from './calendar/calendar.module.js';
import { callbacksModule } from './callbacks/callbacks.module.js';
import { conductModule } from './conduct/conduct.module.js';
import { dutyModule } from './duty/duty.module.js';
import { livechatModule } from './livechat/livechat.module.js';
import { knowledgeModule } from './knowledge/knowledge.module.js';
import { orgModule } from './org/org.module.js';
import { phoneModule } from './phone/phone.module.js';
import { ratingsModule } from './ratings/ratings.module.js';
import { notificationsModule } from './notifications/notifications.module.js';
import { workOrdersModule } from './work-orders/work-orders.module.js';
import { integrationsModule } from './integrations/integrations.module.js';

/**
 * Every domain module, in start order (seeds, then services, then routes and jobs run in this
 * order): adding a module is one line here and nothing in `platform/`.
 */
export const MODULES = [
  orgModule,
  calendarModule,
  auditModule,
  knowledgeModule,
  botModule,
  callbacksModule,
  ratingsModule,
  dutyModule,
  conductModule,
  livechatModule,
  phoneModule,
  notificationsModule,
  workOrdersModule,
  integrationsModule,
] as const;

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
type AllEvents = UnionToIntersection<(typeof MODULES)[number]['events']>;

declare module '../platform/events/record-event.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface EventRegistry extends AllEvents {}
}

/** The one catalogue of event types, assembled from the modules (a type declared twice is a startup error). */
export const EVENT_CATALOGUE: EventCatalogue = {};
for (const m of MODULES) {
  for (const [type, def] of Object.entries(m.events as EventCatalogue)) {
    if (EVENT_CATALOGUE[type]) throw new Error(`event type ${type} is declared twice`);
    EVENT_CATALOGUE[type] = def;
  }
}
installEventCatalogue(EVENT_CATALOGUE);
installPolicies([...MODULES]);
