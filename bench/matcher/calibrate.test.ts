import { describe, expect, it } from 'vitest';
import { DEFAULT_BAR } from '../../src/modules/bot/matcher/decide.js';
import { WATER_FAQ } from '../../src/modules/bot/matcher/fixtures.test-data.js';
import { chooseCalibration, MIN_SAMPLES } from './calibrate.js';
import { createResearchMatcher } from './research-matcher.js';

describe('chooseCalibration', () => {
  it('keeps the default bar without enough held-out questions', () => {
    expect(chooseCalibration([{ raw: 0.9, cover: 1, correct: true }])).toEqual(DEFAULT_BAR);
  });

  it('lowers the bar only as far as held-out questions stay right', () => {
    const samples = [
      ...Array.from({ length: MIN_SAMPLES }, () => ({ raw: 0.15, cover: 0.7, correct: true })),
      ...Array.from({ length: 40 }, () => ({ raw: 0.11, cover: 0.7, correct: false })),
    ];
    expect(chooseCalibration(samples)).toEqual({ rawPoint: 0.14, minCover: 0.6 });
  });

  it('keeps the default when even the default answers wrongly', () => {
    const samples = Array.from({ length: 100 }, (_, i) => ({ raw: 0.5, cover: 0.9, correct: i % 10 !== 0 }));
    expect(chooseCalibration(samples)).toEqual(DEFAULT_BAR);
  });

  it('runs at build time when asked, and a small KB keeps the default', () => {
    const m = createResearchMatcher({ calibrate: true });
    m.build(WATER_FAQ);
    expect(m.calibration).toEqual(DEFAULT_BAR);
    expect(m.match('取水许可证怎么办理').decision).toBe('answer');
  });
});
