import type { z } from 'zod';
import type { DbOrTrx } from '../db/connect.js';
import { shanghaiDate } from '../calendar/shanghai-time.js';
import type { Bilingual } from '../errors.js';
import { eventsRecorded } from './event-wakeup.js';

/** Who caused a change and from where; carried from the HTTP request (or a job) into every event. */
export interface Actor {
  userId: string | null;
  label: string;
  departmentId?: string | null;
  ip?: string | null;
  requestId?: string | null;
}

export const SYSTEM_ACTOR: Actor = { userId: null, label: 'system' };

/** One event type of the catalogue: its audit label and the shape of its `data`. */
export interface EventDefinition<D extends z.ZodType = z.ZodType> {
  label: Bilingual;
  data: D;
}

/** A module's event types, by type name ('kb.entry_published'). */
export type EventCatalogue = Record<string, EventDefinition>;

/** Declares a module's event types; the name checks the shape and keeps the literal keys. */
export function defineEvents<C extends Record<string, EventDefinition>>(c: C): C {
  return c;
}

/**
 * Every event type of the application, filled in by `src/modules/index.ts` (declaration merging)
 * from the module list, so the platform knows the types without importing any module.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface EventRegistry {}

export type EventType = Extract<keyof EventRegistry, string>;
type DataOf<T extends EventType> = EventRegistry[T] extends EventDefinition<infer D> ? z.input<D> : never;

interface EventFields {
  subjectType?: string;
  subjectId?: string;
  /** the subject's human name or number at the time (e.g. "KB-000123 如何申请…"), shown by the audit trail */
  subjectLabel?: string | null;
  departmentId?: string | null;
}

/** What a use case records: a catalogued type with its data of the declared shape. */
export type EventInput = {
  [T in EventType]: EventFields & { type: T } & (Record<string, never> extends DataOf<T>
      ? { data?: DataOf<T> }
      : { data: DataOf<T> });
}[EventType];

let catalogue: EventCatalogue | null = null;

/** Installs the assembled catalogue (once, from the module list) so events are checked when written. */
export function installEventCatalogue(c: EventCatalogue): void {
  catalogue = c;
}

/** The bilingual label of an event type, or null when it is not (or no longer) catalogued. */
export function eventLabel(type: string): Bilingual | null {
  return catalogue?.[type]?.label ?? null;
}

/** All catalogued event types with their labels (for the audit trail's filters). */
export function eventTypes(): { type: string; label: Bilingual }[] {
  return Object.entries(catalogue ?? {}).map(([type, d]) => ({ type, label: d.label }));
}

/**
 * Every state change writes one event row inside the same transaction as the change:
 * the audit trail, realtime pushes and notifications all read this table. The type must be in the
 * catalogue and the data of its declared shape (checked by the compiler and again here).
 */
export async function recordEvent(trx: DbOrTrx, actor: Actor, now: Date, input: EventInput): Promise<void> {
  await recordEvents(trx, [{ actor, now, input }]);
}

/** Several events in one statement (a batch of changes stored together), in the order given. */
export async function recordEvents(
  trx: DbOrTrx,
  list: { actor: Actor; now: Date; input: EventInput }[],
): Promise<void> {
  if (!list.length) return;
  const rows = list.map(({ actor, now, input }) => {
    const def = catalogue?.[input.type];
    // A programming error, not a user's: the handler answers 500 and logs it.
    if (catalogue && !def) throw new Error(`event type ${input.type} is not in the catalogue`);
    const checked = def?.data.safeParse(input.data ?? {});
    if (checked && !checked.success) throw new Error(`event ${input.type}: ${checked.error.message}`);
    return {
      type: input.type,
      actor_id: actor.userId,
      actor_label: actor.label,
      subject_type: input.subjectType ?? null,
      subject_id: input.subjectId ?? null,
      subject_label: input.subjectLabel?.slice(0, 200) ?? null,
      department_id: input.departmentId ?? actor.departmentId ?? null,
      data: JSON.stringify(input.data ?? {}),
      ip: actor.ip ?? null,
      request_id: actor.requestId ?? null,
      created_at: now.toISOString(),
      created_on: shanghaiDate(now),
    };
  });
  await trx.insertInto('events').values(rows).execute();
  eventsRecorded(trx);
}
