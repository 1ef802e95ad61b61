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

/** Weights of the first-stage BM25 fields and of the rerank features. */
export interface TWeights {
  /** First stage: jieba words, char unigrams, bigrams, trigrams. */
  words: number;
  uni: number;
  bi: number;
  tri: number;
  /** Rerank: first-stage score, LCS ratios, bigram dice, idf coverage both ways. */
  rStage1: number;
  rLcsQ: number;
  rLcsD: number;
  rDice: number;
  rCovQ: number;
  rCovD: number;
  rCharCovQ: number;
  rCharCovD: number;
  /** Context boost for entries of the previous turn's matter. */
  context: number;
}

/** BM25 parameters per field (defaults k1 = 1.2, b = 0.75). */
export type TBm25Params = Partial<Record<'words' | 'uni' | 'bi' | 'tri', { k1: number; b: number }>>;

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
  weights?: Partial<TWeights>;
  /** Repair typos from the KB's own character contexts (default false: on the dev sets it corrected as many right characters as typos). */
  spelling?: boolean;
  /** Candidate pool sizes: questions kept by BM25 (60), entries reranked (20). */
  pool?: { firstStage?: number; rerank?: number };
  /**
   * Set the answer bar from the KB's own similar questions at build time (default false:
   * on the demo water KB the held-out similar questions did not support a lower bar, and
   * the dev KBs have none; KBs with fewer than 60 entries having similar questions keep
   * the default bar anyway).
   */
  calibrate?: boolean;
  /** Temper the KB's idf with jieba's general-corpus idf (default false: no gain on the dev sets). */
  generalIdf?: boolean;
  bm25?: TBm25Params;
  thresholds?: Partial<TThresholds>;
}

export interface TMatchOptions {
  /** Matter of the previous turn; boosts its entries when the question names no matter. */
  previousMatter?: string | null;
  /** Entry answered in the previous turn; its matter is used as `previousMatter`. */
  previousEntryId?: string | null;
  /** Number of candidates to return (default 10). */
  limit?: number;
  /** Include per-candidate features (for evaluation tooling). */
  debug?: boolean;
}

export interface TCandidate {
  id: string;
  score: number;
  matter?: string | null;
  /** The standard or similar question that matched best (in normalised form, for logs). */
  matchedQuestion?: string;
  features?: Record<string, number>;
}

export type TDecision = 'answer' | 'suggest' | 'none';

export interface TMatchResult {
  decision: TDecision;
  /** 0..1, how sure the matcher is that the first candidate is right. */
  confidence: number;
  kind?: TSmallTalkKind;
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
  /** The answer bar in use: raw cover × margin at confidence 0.5, and the coverage gate. */
  readonly calibration: { rawPoint: number; minCover: number };
  match(query: string, opts?: TMatchOptions): TMatchResult;
}
