import { describe, expect, it } from 'vitest';
import { computeMetrics, percentile } from './metrics.js';

describe('computeMetrics', () => {
  it('counts ranking over in-scope questions and wrong answers over all questions', () => {
    const m = computeMetrics([
      { expected: 'a', ranked: ['a', 'b'], answered: true, ms: 1 },
      { expected: 'b', ranked: ['a', 'b', 'c'], answered: true, ms: 2 },
      { expected: 'c', ranked: ['x', 'y', 'z', 'c'], answered: false, ms: 3 },
      { expected: 'd', ranked: [], answered: false, ms: 4 },
      { expected: null, ranked: ['a'], answered: true, ms: 5 },
      { expected: null, ranked: ['a'], answered: false, ms: 6 },
    ]);
    expect(m.top1).toBe(0.25);
    expect(m.mrr10).toBeCloseTo((1 + 0.5 + 0.25 + 0) / 4, 4);
    expect(m.recall3).toBe(0.5);
    expect(m.answered_right).toBe(0.25);
    expect(m.answered_wrong).toBeCloseTo(2 / 6, 4);
    expect(m.p50_ms).toBe(3);
    expect(m.p99_ms).toBe(6);
  });

  it('is safe on empty input', () => {
    expect(computeMetrics([]).top1).toBe(0);
    expect(percentile([], 50)).toBe(0);
  });
});
