import { describe, expect, it } from 'vitest';
import {
  confidenceOf,
  decide,
  decideTurn,
  DEFAULT_THRESHOLDS,
  MAX_SUGGESTIONS,
  RAW_ANSWER_POINT,
  routeTurn,
} from './decide.js';
import type { TMatchResult } from './types.js';

function buildResult(overrides: Partial<TMatchResult> = {}): TMatchResult {
  return {
    decision: 'answer',
    confidence: 0.8,
    candidates: ['a', 'b', 'c', 'd', 'e'].map((id, i) => ({ id, score: 5 - i * 0.1 })),
    suggestions: [],
    normalised: '取水许可证怎么办理',
    ...overrides,
  };
}
const all = () => true;

describe('confidence and the matcher decision', () => {
  it('puts the raw answer point on the answer bar, and keeps a poorly covered question under it', () => {
    const top = { score: 5, coverQuery: 1, coverDoc: 1 };
    // margin × cover = RAW_ANSWER_POINT exactly → confidence 0.5 = the bar
    expect(confidenceOf(top, 5 * (1 - RAW_ANSWER_POINT))).toBeCloseTo(DEFAULT_THRESHOLDS.answer, 10);
    // a clear winner covering half of the question is never answered
    const half = { score: 5, coverQuery: 0.5, coverDoc: 1 };
    expect(confidenceOf(half, 0)).toBeLessThan(DEFAULT_THRESHOLDS.answer);
    expect(decide(confidenceOf(half, 0), half, buildResult().candidates).decision).toBe('suggest');
  });

  it('offers at most three choices, each within 70% of the best score', () => {
    const top = { score: 5, coverQuery: 0.5, coverDoc: 0.5 };
    const candidates = [5, 4.9, 3.4, 3.6, 3.55].map((score, i) => ({ id: `e${i}`, score }));
    expect(decide(0.2, top, candidates)).toEqual({ decision: 'suggest', suggestions: ['e0', 'e1'] });
    expect(decide(0.2, { ...top, coverQuery: 0.29 }, candidates)).toEqual({ decision: 'none', suggestions: [] });
  });
});

describe('decideTurn', () => {
  it('answers with the first candidate when it may be shown', () => {
    expect(decideTurn(buildResult(), all)).toEqual({ decision: 'answer', entryId: 'a' });
  });

  it('offers the next candidates that may be shown when the answered entry may not (validity dates)', () => {
    expect(decideTurn(buildResult(), (id) => id !== 'a' && id !== 'c')).toEqual({
      decision: 'suggest',
      entryIds: ['b', 'd', 'e'],
    });
  });

  it("offers only the matcher's suggestions that may be shown, at most three", () => {
    const r = buildResult({ decision: 'suggest', suggestions: ['b', 'a', 'c', 'd'] });
    expect(decideTurn(r, all)).toEqual({ decision: 'suggest', entryIds: ['b', 'a', 'c'] });
    expect(MAX_SUGGESTIONS).toBe(3);
    expect(decideTurn(r, (id) => id === 'c')).toEqual({ decision: 'suggest', entryIds: ['c'] });
  });

  it('says it found nothing when no suggestion may be shown, or the matcher found nothing', () => {
    const r = buildResult({ decision: 'suggest', suggestions: ['a', 'b'] });
    expect(decideTurn(r, (id) => id === 'e')).toEqual({ decision: 'none', understood: true });
    expect(decideTurn(buildResult({ decision: 'none' }), all)).toEqual({ decision: 'none', understood: true });
    expect(decideTurn(buildResult({ decision: 'none', candidates: [], normalised: ' ' }), all)).toEqual({
      decision: 'none',
      understood: false,
    });
  });

  it('answers small talk politely, whatever the candidates', () => {
    expect(decideTurn(buildResult({ kind: 'thanks', decision: 'none' }), all)).toEqual({
      decision: 'smalltalk',
      kind: 'thanks',
    });
  });
});

describe('questions that are not for the FAQ', () => {
  it('routes a request for a person to human and another bureau’s business to out_of_scope', () => {
    expect(routeTurn(buildResult({ decision: 'none', route: 'human', candidates: [] }), all)).toEqual({
      decision: 'human',
    });
    expect(routeTurn(buildResult({ decision: 'none', route: 'out_of_scope' }), all)).toEqual({
      decision: 'out_of_scope',
    });
    // without a route, routeTurn decides as decideTurn does
    expect(routeTurn(buildResult(), all)).toEqual(decideTurn(buildResult(), all));
  });

  it('lets decideTurn report them as understood questions without an answer, never as suggestions', () => {
    expect(decideTurn(buildResult({ decision: 'none', route: 'out_of_scope' }), all)).toEqual({
      decision: 'none',
      understood: true,
    });
  });
});
