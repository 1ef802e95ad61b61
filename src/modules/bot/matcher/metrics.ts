/** One evaluated question: what was expected, what the matcher ranked and decided. */
export interface TEvalOutcome {
  expected: string | null;
  ranked: readonly string[];
  answered: boolean;
  ms: number;
}

export interface TEvalMetrics {
  top1: number;
  mrr10: number;
  recall3: number;
  answered_right: number;
  answered_wrong: number;
  p50_ms: number;
  p99_ms: number;
}

/** Nearest-rank percentile of a list of numbers (0 for an empty list). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

const round = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;

/**
 * The matcher's quality figures as the evaluation README defines them: ranking figures
 * and answered_right over in-scope questions, answered_wrong over all questions (an
 * out-of-scope question answered confidently is wrong).
 */
export function computeMetrics(outcomes: readonly TEvalOutcome[]): TEvalMetrics {
  let inScope = 0;
  let top1 = 0;
  let rr = 0;
  let r3 = 0;
  let right = 0;
  let wrong = 0;
  for (const o of outcomes) {
    const first = o.ranked[0];
    if (o.answered && (o.expected === null || first !== o.expected)) wrong++;
    if (o.expected === null) continue;
    inScope++;
    const rank = o.ranked.slice(0, 10).indexOf(o.expected);
    if (rank === 0) top1++;
    if (rank >= 0) rr += 1 / (rank + 1);
    if (rank >= 0 && rank < 3) r3++;
    if (o.answered && first === o.expected) right++;
  }
  const n = Math.max(1, inScope);
  const ms = outcomes.map((o) => o.ms);
  return {
    top1: round(top1 / n),
    mrr10: round(rr / n),
    recall3: round(r3 / n),
    answered_right: round(right / n),
    answered_wrong: round(wrong / Math.max(1, outcomes.length)),
    p50_ms: round(percentile(ms, 50), 3),
    p99_ms: round(percentile(ms, 99), 3),
  };
}
