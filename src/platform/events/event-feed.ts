import { EventEmitter } from 'node:events';
import type { Db } from '../db/connect.js';

export interface StoredEvent {
  id: number;
  type: string;
  actorId: string | null;
  subjectType: string | null;
  subjectId: string | null;
  departmentId: string | null;
  data: Record<string, unknown>;
  createdAt: string;
}

/**
 * Tails the events table in id order and emits each new event once per process. Because it
 * reads the shared database, an event committed by any node reaches every node (SQLite or
 * PostgreSQL alike) within one poll interval: realtime pushes and index refreshes hang off it.
 */
export class EventFeed extends EventEmitter {
  private cursor = 0;
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;

  constructor(
    private db: Db,
    private intervalMs = 500,
  ) {
    super();
  }

  /** Starts after the newest existing event, so history is not replayed. */
  async start(): Promise<void> {
    const row = await this.db
      .selectFrom('events')
      .select((eb) => eb.fn.max('id').as('max'))
      .executeTakeFirst();
    this.cursor = Number(row?.max ?? 0);
    this.timer = setInterval(() => void this.poll(), this.intervalMs);
    this.timer.unref();
  }

  /** Reads what is new now; called by the timer and, after a local commit, directly. */
  poll(): Promise<void> {
    if (this.polling) return this.polling;
    this.polling = this.readNew().finally(() => {
      this.polling = null;
    });
    return this.polling;
  }

  private async readNew(): Promise<void> {
    try {
      const rows = await this.db
        .selectFrom('events')
        .selectAll()
        .where('id', '>', this.cursor)
        .orderBy('id')
        .limit(500)
        .execute();
      for (const r of rows) {
        this.cursor = Number(r.id);
        const event: StoredEvent = {
          id: Number(r.id),
          type: r.type,
          actorId: r.actor_id,
          subjectType: r.subject_type,
          subjectId: r.subject_id,
          departmentId: r.department_id,
          data: JSON.parse(r.data),
          createdAt: r.created_at,
        };
        this.emit('event', event);
      }
    } catch (err) {
      this.emit('poll-error', err);
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
