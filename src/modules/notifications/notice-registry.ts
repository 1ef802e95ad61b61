import type { DbOrTrx } from '../../platform/db/connect.js';
import type { Bilingual } from '../../platform/errors.js';
import type { StoredEvent } from '../../platform/events/event-feed.js';
import type { NotificationKind } from '../../contracts/enums/notifications.js';

/**
 * What one event type tells whom. A module declares its notices in its `services` hook
 * (`registerNotice({...})`); the notifications module's one durable consumer of the event feed
 * reads this registry and never imports the module.
 */
export interface NoticeDefinition {
  /** the event type that raises it ('callback.created') */
  type: string;
  kind: NotificationKind;
  /**
   * who receives it: user ids (the consumer drops unknown and disabled accounts and duplicates,
   * and applies each user's choices). Runs on the committed event, maybe more than once.
   */
  recipients(db: DbOrTrx, event: StoredEvent): Promise<string[]>;
  /** its title, from the event (its data and subject) */
  title(event: StoredEvent): Bilingual;
  /** where it opens in the web app (an app path), or null */
  link(event: StoredEvent): string | null;
}

const notices = new Map<string, NoticeDefinition[]>();

/** Declares that `def.type` notifies someone; several notices may hang on one type. */
export function registerNotice(def: NoticeDefinition): void {
  const list = notices.get(def.type) ?? [];
  // registering the same notice again (a second app in one process, tests) replaces it
  const i = list.findIndex((d) => d.kind === def.kind);
  if (i >= 0) list[i] = def;
  else list.push(def);
  notices.set(def.type, list);
}

/** The notices an event type raises. */
export function noticesFor(type: string): readonly NoticeDefinition[] {
  return notices.get(type) ?? [];
}

/** Every event type some notice hangs on (the consumer's subscription). */
export function noticeTypes(): string[] {
  return [...notices.keys()];
}
