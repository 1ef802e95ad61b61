import { installEventCatalogue, type EventCatalogue } from '../platform/events/record-event.js';
import { botEvents } from './bot/bot.events.js';
import { calendarEvents } from './calendar/calendar.events.js';
import { callbackEvents } from './callbacks/callbacks.events.js';
import { knowledgeEvents } from './knowledge/knowledge.events.js';
import { orgEvents } from './org/org.events.js';
import { ratingEvents } from './ratings/ratings.events.js';

/** Every module's event catalogue; the union of all event types is assembled from this list. */
export const MODULE_EVENTS = [orgEvents, calendarEvents, knowledgeEvents, botEvents, callbackEvents, ratingEvents];

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
type AllEvents = UnionToIntersection<(typeof MODULE_EVENTS)[number]>;

declare module '../platform/events/record-event.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface EventRegistry extends AllEvents {}
}

/** The one catalogue of event types (a type declared twice is a startup error). */
export const EVENT_CATALOGUE: EventCatalogue = {};
for (const c of MODULE_EVENTS) {
  for (const [type, def] of Object.entries(c)) {
    if (EVENT_CATALOGUE[type]) throw new Error(`event type ${type} is declared twice`);
    EVENT_CATALOGUE[type] = def;
  }
}
installEventCatalogue(EVENT_CATALOGUE);
