import { describe, expect, it } from 'vitest';
import { findForbiddenPhrases, normaliseForCheck } from './phrase-checker.js';
import { DEFAULT_PHRASES } from './seed/seed-conduct.js';

const found = (text: string) => findForbiddenPhrases(DEFAULT_PHRASES, text).map((p) => p.phrase);

describe('the forbidden-phrase checker (pure)', () => {
  it('finds a phrase inside a message and gives its suggested wording', () => {
    const hits = findForbiddenPhrases(DEFAULT_PHRASES, '这个我不知道，你问问别人吧');
    expect(hits).toEqual([{ phrase: '不知道', suggestion: '请稍等，我帮您查询一下。' }]);
  });

  it('catches spaces, ideographic spaces, zero-width characters and full-width forms', () => {
    expect(found('不 知 道')).toEqual(['不知道']);
    expect(found('不\u3000归\u3000我管')).toEqual(['不归我管']);
    expect(found('你自\u200b己去看')).toEqual(['你自己去看']);
    expect(normaliseForCheck('ＡＢＣ１２３ x')).toBe('abc123x');
    expect(findForbiddenPhrases([{ phrase: 'NO WAY', suggestion: 's' }], '这个 ｎｏ　ｗａｙ')).toHaveLength(1);
  });

  it('names the longer phrase once where a shorter one lies inside it, but both when apart', () => {
    expect(found('我也没办法')).toEqual(['我也没办法']);
    expect(found('我也没办法，真没办法')).toEqual(['没办法', '我也没办法']);
  });

  it('finds several phrases, each once, in list order; a polite message passes', () => {
    expect(found('不清楚，找别人去，不清楚')).toEqual(['不清楚', '找别人去']);
    expect(found('您好，我帮您查询一下取水许可的办理进度。')).toEqual([]);
    expect(found('')).toEqual([]);
    expect(findForbiddenPhrases([{ phrase: '  ', suggestion: 'x' }], '任何内容')).toEqual([]);
  });
});
