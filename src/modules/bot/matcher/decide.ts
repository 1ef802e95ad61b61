import type { TCandidate, TDecision, TThresholds } from './types.js';

/**
 * Default cut-offs, one for every KB. The answer bar (0.5 after scaling, see RAW_ANSWER_POINT)
 * keeps confident wrong answers at or below 3.3% of all questions on each public dev set and
 * 1.5% on the water set (the firm limit is 5%). `suggest` 0.3: below it the best question
 * covers too little of what the citizen typed to be worth offering; above it too many right
 * entries were hidden (see docs/benchmarks.md, "decision thresholds").
 */
export const DEFAULT_THRESHOLDS: TThresholds = { answer: 0.5, suggest: 0.3 };

/** Raw cover × margin value that maps to confidence 0.5 (the default answer bar). */
// 0.18 rather than 0.2: answers about twice as many water questions (0.14 → 0.26 of them) for
// at most +1.1 points of confident wrong answers on any set; 0.16 would reach 4.7% on afqmc.
export const RAW_ANSWER_POINT = 0.18;

/**
 * Below this mutual coverage a question is never answered directly, whatever its lead:
 * in a small KB every match leads by far, so the lead alone says little ("漏水了" is not
 * "家里水管漏水了找谁报修"). Costs about one point of answered_right on the dev sets.
 */
export const MIN_COVER_TO_ANSWER = 0.6;

export interface TTopView {
  score: number;
  /** idf-weighted share of the question's characters found in the matched question. */
  coverQuery: number;
  /** idf-weighted share of the matched question's characters found in the question. */
  coverDoc: number;
  /**
   * coverQuery over all the entry's questions together (≥ coverQuery): a citizen often
   * mixes words of several phrasings. Used for the confidence only, not for suggestions.
   */
  coverEntry?: number;
}

export const DEFAULT_CALIBRATION: TCalibration = { rawPoint: RAW_ANSWER_POINT, minCover: MIN_COVER_TO_ANSWER };

/**
 * How sure we are that the first candidate is the citizen's question, in 0..1, from
 * (how completely the two questions cover each other) × (relative lead over the
 * runner-up), rescaled so that 0.5 is the default bar for answering directly. Both must be high: a near-identical question with a close rival (the KB
 * holds two near-duplicates) or a clear winner that explains only half of the question
 * are not answered directly.
 */
export function confidenceOf(
  top: TTopView | undefined,
  secondScore: number,
  cal: TCalibration = DEFAULT_CALIBRATION,
): number {
  const raw = rawConfidence(top, secondScore);
  const cover = top ? Math.min(top.coverEntry ?? top.coverQuery, top.coverDoc) : 0;
  return scaleConfidence(cover < cal.minCover ? Math.min(raw, cal.rawPoint * 0.95) : raw, cal.rawPoint);
}

/** Where the answer bar sits in raw (cover × margin) terms, and the coverage gate. */
export interface TCalibration {
  rawPoint: number;
  minCover: number;
}

/** Maps a raw value to 0..1 so that `rawPoint` lands on 0.5, the default answer bar. */
export function scaleConfidence(raw: number, rawPoint: number): number {
  return raw < rawPoint ? (0.5 * raw) / rawPoint : 0.5 + (0.5 * (raw - rawPoint)) / (1 - rawPoint);
}

/** cover × relative margin, before any gate or scaling. */
export function rawConfidence(top: TTopView | undefined, secondScore: number): number {
  if (!top || !(top.score > 0)) return 0;
  const margin = (top.score - Math.max(0, secondScore)) / top.score;
  const cover = Math.min(top.coverEntry ?? top.coverQuery, top.coverDoc);
  return Math.max(0, Math.min(1, cover * margin));
}

/** Chooses between answering, offering "您是不是想问" choices, and saying the KB has no answer. */
export function decide(
  confidence: number,
  top: TTopView | undefined,
  candidates: readonly TCandidate[],
  t: TThresholds,
): { decision: TDecision; suggestions: string[] } {
  if (!top || candidates.length === 0) return { decision: 'none', suggestions: [] };
  if (confidence >= t.answer) return { decision: 'answer', suggestions: [] };
  if (top.coverQuery < t.suggest) return { decision: 'none', suggestions: [] };
  const best = candidates[0].score;
  const suggestions = candidates
    .slice(0, 3)
    .filter((c) => c.score >= best * 0.7)
    .map((c) => c.id);
  return { decision: 'suggest', suggestions };
}
