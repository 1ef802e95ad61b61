import type { Db } from '../../platform/db/connect.js';
import type { EventFeed } from '../../platform/events/event-feed.js';
import { createMatcher, type TMatcher, type TMatcherEntry } from './matcher/index.js';

/** What the bot shows about an entry besides the matcher's view of it. */
export interface LiveEntry {
  id: string;
  code: string;
  version: number;
  question: string;
  similar: string[];
  /** questions citizens confirmed and the owning department's editor accepted (matching only) */
  learned: string[];
  answer: string;
  matterId: string | null;
  matterName: string | null;
  guideUrl: string | null;
  departmentId: string;
  departmentName: string;
  category: string;
  validFrom: string | null;
  validUntil: string | null;
  publishedAt: string;
}

const REBUILD_EVENTS = new Set(['kb.terms_updated', 'kb.imported', 'kb.demo_seeded']);
const ENTRY_EVENTS = new Set(['kb.entry_published', 'kb.entry_archived', 'kb.entry_restored', 'kb.entry_updated']);
/** a citizen's confirmed question accepted for an entry: data.entryId is the entry to reload */
const LEARNED_EVENTS = new Set(['bot.learned_accepted']);

/**
 * The bot's in-memory index of the live (published) knowledge base, one per process. It loads
 * at start and follows the shared event feed, so an entry published on any node is searchable on
 * every node within the feed's poll interval (≈0.5 s).
 */
export class BotIndex {
  private matcher: TMatcher = createMatcher();
  private entries = new Map<string, LiveEntry>();
  /** matter id → ids of its live entries, so a question's turn never scans the whole KB */
  private byMatter = new Map<string, Set<string>>();
  private queue: Promise<void> = Promise.resolve();
  loadedAt: Date | null = null;

  constructor(
    private db: Db,
    feed?: EventFeed,
  ) {
    feed?.subscribe({
      name: 'bot-index',
      types: [...REBUILD_EVENTS, ...ENTRY_EVENTS, ...LEARNED_EVENTS],
      handle: (e) => {
        if (REBUILD_EVENTS.has(e.type)) return this.enqueue(() => this.rebuild());
        if (LEARNED_EVENTS.has(e.type) && typeof e.data.entryId === 'string') {
          const entryId = e.data.entryId;
          return this.enqueue(() => this.reloadEntry(entryId));
        }
        if (e.subjectId) return this.enqueue(() => this.reloadEntry(e.subjectId!));
      },
    });
  }

  /**
   * Serialises reloads so a rebuild and an entry refresh never interleave. A failed reload is
   * not swallowed: the feed logs it, counts it and delivers the event again.
   */
  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Waits for pending refreshes (tests and the eval use this). */
  settled(): Promise<void> {
    return this.queue;
  }

  /** Builds the index from scratch: terms (dictionary, synonyms) and every live entry. */
  async rebuild(): Promise<void> {
    const terms = await this.db.selectFrom('kb_terms').select(['kind', 'value']).execute();
    const matcher = createMatcher({
      dictionary: terms.filter((t) => t.kind === 'dictionary').map((t) => t.value),
      synonyms: terms.filter((t) => t.kind === 'synonym').map((t) => t.value.split(/\s+/).filter(Boolean)),
    });
    const rows = await this.liveQuery().execute();
    const learned = await this.learnedOf();
    const entries = new Map(rows.map((r) => [r.id, toLive(r, learned.get(r.id))]));
    matcher.build([...entries.values()].map(toMatcherEntry));
    this.matcher = matcher;
    this.entries = entries;
    this.byMatter = new Map();
    for (const e of entries.values()) this.indexMatter(e, true);
  }

  private indexMatter(e: LiveEntry, add: boolean): void {
    if (!e.matterId) return;
    const ids = this.byMatter.get(e.matterId) ?? new Set<string>();
    if (add) ids.add(e.id);
    else ids.delete(e.id);
    if (ids.size) this.byMatter.set(e.matterId, ids);
    else this.byMatter.delete(e.matterId);
  }

  /** Refreshes one entry after it was published, archived or changed. */
  async reloadEntry(id: string): Promise<void> {
    const row = await this.liveQuery().where('kb_entries.id', '=', id).executeTakeFirst();
    const old = this.entries.get(id);
    if (old) this.indexMatter(old, false);
    if (row) {
      const live = toLive(row, (await this.learnedOf(id)).get(id));
      this.entries.set(id, live);
      this.indexMatter(live, true);
      this.matcher.upsert(toMatcherEntry(live));
    } else {
      this.entries.delete(id);
      this.matcher.remove(id);
    }
  }

  /** Accepted learned questions by entry (of one entry, or all). */
  private async learnedOf(entryId?: string): Promise<Map<string, string[]>> {
    let q = this.db
      .selectFrom('bot_learned_questions')
      .select(['entry_id', 'question'])
      .where('status', '=', 'accepted');
    if (entryId) q = q.where('entry_id', '=', entryId);
    const out = new Map<string, string[]>();
    for (const r of await q.orderBy('created_at').execute()) {
      const list = out.get(r.entry_id) ?? [];
      list.push(r.question);
      out.set(r.entry_id, list);
    }
    return out;
  }

  private liveQuery() {
    return this.db
      .selectFrom('kb_entries')
      .innerJoin('kb_versions', (j) =>
        j
          .onRef('kb_versions.entry_id', '=', 'kb_entries.id')
          .onRef('kb_versions.version', '=', 'kb_entries.live_version'),
      )
      .innerJoin('departments', 'departments.id', 'kb_entries.department_id')
      .leftJoin('matters', 'matters.id', 'kb_versions.matter_id')
      .select([
        'kb_entries.id',
        'kb_entries.code',
        'kb_entries.department_id',
        'departments.name_zh as department_name',
        'kb_versions.version',
        'kb_versions.question',
        'kb_versions.similar',
        'kb_versions.answer',
        'kb_versions.matter_id',
        'matters.name as matter_name',
        'matters.guide_url',
        'kb_versions.category',
        'kb_versions.valid_from',
        'kb_versions.valid_until',
        'kb_versions.published_at',
      ])
      .where('kb_entries.live_version', '>', 0)
      .where('kb_entries.status', '!=', 'archived');
  }

  get matcherInstance(): TMatcher {
    return this.matcher;
  }

  get size(): number {
    return this.entries.size;
  }

  entry(id: string): LiveEntry | undefined {
    return this.entries.get(id);
  }

  /** The key the matcher knows a matter by (its name), from the matter's id. */
  matterKey(matterId: string): string | null {
    const first = this.byMatter.get(matterId)?.values().next().value;
    const e = first ? this.entries.get(first) : undefined;
    return e ? (e.matterName ?? e.matterId) : null;
  }

  /** Live entries of one matter, in KB order (for "related questions"). */
  *entriesOfMatter(matterId: string): Iterable<LiveEntry> {
    for (const id of this.byMatter.get(matterId) ?? []) yield this.entries.get(id)!;
  }
}

type LiveRow = {
  id: string;
  code: string;
  department_id: string;
  department_name: string;
  version: number;
  question: string;
  similar: string;
  answer: string;
  matter_id: string | null;
  matter_name: string | null;
  guide_url: string | null;
  category: string;
  valid_from: string | null;
  valid_until: string | null;
  published_at: string;
};

function toLive(r: LiveRow, learned: string[] = []): LiveEntry {
  return {
    id: r.id,
    code: r.code,
    version: Number(r.version),
    question: r.question,
    similar: JSON.parse(r.similar),
    learned,
    answer: r.answer,
    matterId: r.matter_id,
    matterName: r.matter_name,
    guideUrl: r.guide_url,
    departmentId: r.department_id,
    departmentName: r.department_name,
    category: r.category,
    validFrom: r.valid_from,
    validUntil: r.valid_until,
    publishedAt: r.published_at,
  };
}

function toMatcherEntry(e: LiveEntry): TMatcherEntry {
  return { id: e.id, question: e.question, similar: [...e.similar, ...e.learned], matter: e.matterName ?? e.matterId };
}
