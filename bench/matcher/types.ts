import type {
  TCandidate,
  TMatcher,
  TMatcherOptions,
  TMatchOptions,
  TMatchResult,
  TThresholds,
} from '../../src/modules/bot/matcher/types.js';

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

/** The product's options plus every research option tried (docs/benchmarks.md, A0–A10). */
export interface TResearchOptions extends TMatcherOptions {
  weights?: Partial<TWeights>;
  /** Repair typos from the KB's own character contexts (A4: corrected as many right characters as typos). */
  spelling?: boolean;
  /** Candidate pool sizes: questions kept by BM25 (60), entries reranked (20). */
  pool?: { firstStage?: number; rerank?: number };
  /** Set the answer bar from the KB's own similar questions at build time (A10: no gain on the water KB). */
  calibrate?: boolean;
  /** Temper the KB's idf with jieba's general-corpus idf (A5: no gain on the dev sets). */
  generalIdf?: boolean;
  bm25?: TBm25Params;
  thresholds?: Partial<TThresholds>;
}

export interface TResearchMatchOptions extends TMatchOptions {
  /** Include per-candidate features (for the offline tuning scripts). */
  debug?: boolean;
}

export interface TResearchCandidate extends TCandidate {
  features?: Record<string, number>;
}

export interface TResearchMatchResult extends TMatchResult {
  candidates: TResearchCandidate[];
}

export interface TResearchMatcher extends Omit<TMatcher, 'match'> {
  /** The answer bar in use: raw cover × margin at confidence 0.5, and the coverage gate. */
  readonly calibration: { rawPoint: number; minCover: number };
  match(query: string, opts?: TResearchMatchOptions): TResearchMatchResult;
}
