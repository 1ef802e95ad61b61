import type { TSmallTalkKind } from './smalltalk.js';

/** A knowledge-base entry as the matcher sees it. */
export interface TMatcherEntry {
  id: string;
  /** The standard question. */
  question: string;
  /** Similar (alternative) phrasings of the same question. */
  similar?: readonly string[];
  /** The 事项 (matter) the entry belongs to, e.g. 取水许可; used for follow-up context. */
  matter?: string | null;
}

export interface TThresholds {
  /** Confidence at or above which the bot answers directly. */
  answer: number;
  /** Confidence at or above which the bot offers "您是不是想问" choices. */
  suggest: number;
}

export interface TMatcherOptions {
  /** Extra jieba dictionary lines: "term freq tag" (freq and tag optional). */
  dictionary?: readonly string[];
  /** Synonym groups; the first word of each group is canonical. */
  synonyms?: readonly (readonly string[])[];
  /** Extra typo/homophone corrections [wrong, right]. */
  corrections?: ReadonlyArray<readonly [string, string]>;
}

export interface TMatchOptions {
  /** Matter of the previous turn; boosts its entries when the question names no matter. */
  previousMatter?: string | null;
  /** Entry answered in the previous turn; its matter is used as `previousMatter`. */
  previousEntryId?: string | null;
  /** Number of candidates to return (default 10). */
  limit?: number;
}

export interface TCandidate {
  id: string;
  score: number;
  matter?: string | null;
  /** The standard or similar question that matched best (in normalised form, for logs). */
  matchedQuestion?: string;
}

export type TDecision = 'answer' | 'suggest' | 'none';

/** Where a question goes instead of the FAQ. */
export type TRoute = 'human' | 'out_of_scope';

export interface TMatchResult {
  decision: TDecision;
  /** 0..1, how sure the matcher is that the first candidate is right. */
  confidence: number;
  kind?: TSmallTalkKind;
  /**
   * Set when the question is not for the FAQ: `human` — a request for a person (转人工);
   * `out_of_scope` — another authority's business (社保怎么交). The decision is then 'none' with
   * no suggestions.
   */
  route?: TRoute;
  candidates: TCandidate[];
  /** Up to 3 ids to offer as "您是不是想问" when decision is 'suggest'. */
  suggestions: string[];
  /** The normalised question, for logs. */
  normalised: string;
}

export interface TMatcher {
  build(entries: readonly TMatcherEntry[]): void;
  upsert(entry: TMatcherEntry): void;
  remove(id: string): boolean;
  readonly size: number;
  match(query: string, opts?: TMatchOptions): TMatchResult;
}
