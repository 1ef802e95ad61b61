import { DEFAULT_BAR, type TAnswerBar } from '../../src/modules/bot/matcher/decide.js';

/* Research harness (not shipped): per-KB answer bar (docs/benchmarks.md, A10). */

/** One held-out similar question of the KB, asked against the rest of the KB. */
export interface TCalibrationSample {
  /** cover × relative margin of the first candidate. */
  raw: number;
  /** min of the two coverages of the first candidate. */
  cover: number;
  /** Whether the first candidate was the entry the question belongs to. */
  correct: boolean;
}

/** Fewest held-out questions needed before a KB's own bar replaces the default. */
export const MIN_SAMPLES = 60;
/** Share of held-out questions that may be answered wrongly: well under the 5% limit, as
 * real questions are harder than the editors' similar questions and some are out of scope. */
export const MAX_WRONG_SHARE = 0.01;
const BARS = [0.2, 0.18, 0.16, 0.14, 0.12];
const GATES = [0.6, 0.55, 0.5, 0.45];

/**
 * Sets the answer bar of one KB from the KB itself: each sampled entry's similar question
 * is asked with that question left out, and the lowest bar (never below the floors above,
 * never above the default) that keeps wrong answers rare on those questions is chosen.
 * A KB without enough similar questions keeps the default.
 */
export function chooseCalibration(samples: readonly TCalibrationSample[]): TAnswerBar {
  if (samples.length < MIN_SAMPLES) return DEFAULT_BAR;
  let best = DEFAULT_BAR;
  let bestRight = -1;
  for (const rawPoint of BARS) {
    for (const minCover of GATES) {
      let right = 0;
      let wrong = 0;
      for (const s of samples) {
        if (s.raw < rawPoint || s.cover < minCover) continue;
        if (s.correct) right++;
        else wrong++;
      }
      if (wrong / samples.length > MAX_WRONG_SHARE) continue;
      if (right > bestRight) {
        bestRight = right;
        best = { rawPoint, minCover };
      }
    }
  }
  return best;
}
