import { describe, expect, it } from 'vitest';
import { basicNormalise, createNormaliser, stripFillers } from './normalise.js';
import { detectSmallTalk } from './smalltalk.js';
import { createSegmenter, tokenise } from './tokenise.js';
import { toSimplified } from './trad-simp.js';

describe('normalisation', () => {
  const n = createNormaliser();

  it('folds full-width characters, case, punctuation and emoji', () => {
    expect(basicNormalise('ＡＢＣ１２３，取水？！😀')).toBe('abc123 取水');
    expect(basicNormalise('<b>排水</b>许可&nbsp;')).toBe('排水 许可 nbsp');
    expect(basicNormalise('😀😀🙏')).toBe('');
  });

  it('converts common traditional characters to simplified', () => {
    expect(toSimplified('請問取水許可證怎麼辦理')).toBe('请问取水许可证怎么办理');
    expect(n.normalise('請問取水許可證怎麼辦理？')).toBe('取水许可证怎么办理');
  });

  it('removes polite openings and closings but keeps the question', () => {
    expect(n.normalise('你好，请问取水许可怎么办理？谢谢')).toBe('取水许可怎么办理');
    expect(n.normalise('我想问一下排水许可要多久')).toBe('排水许可要多久');
    expect(n.normalise('麻烦问下，海域使用金怎么交')).toBe('海域使用金怎么交');
    expect(n.normalise('咨询一下水费')).toBe('水费');
    expect(stripFillers('请问')).toBe('请问');
  });

  it('maps colloquial and Shanghainese words', () => {
    expect(n.normalise('侬晓得取水许可哪能办伐')).toBe('你知道取水许可怎么办伐');
    expect(n.normalise('水管漏了咋办')).toBe('水管漏了怎么办');
    expect(n.normalise('要啥材料')).toBe('要什么材料');
  });

  it('corrects frequent typos of domain terms', () => {
    expect(n.normalise('取水许可正怎么办')).toBe('取水许可证怎么办');
    expect(n.normalise('海遇使用金')).toBe('海域使用金');
  });

  it('applies configured synonym groups, first word canonical', () => {
    const s = createNormaliser({
      synonyms: [
        ['取水许可证', '取水证', '取水许可'],
        ['缴纳', '交', '缴'],
      ],
    });
    expect(s.normalise('取水证怎么交')).toBe('取水许可证怎么缴纳');
  });
});

describe('small talk', () => {
  it('tells greetings, thanks and goodbyes apart from questions', () => {
    expect(detectSmallTalk(basicNormalise('你好！'))).toBe('greeting');
    expect(detectSmallTalk(basicNormalise('小申你好呀'))).toBe('greeting');
    expect(detectSmallTalk(basicNormalise('谢谢侬'))).toBe('thanks');
    expect(detectSmallTalk(basicNormalise('好的，再见'))).toBe('bye');
    expect(detectSmallTalk(basicNormalise('你好，取水许可怎么办理'))).toBeUndefined();
  });
});

describe('segmentation', () => {
  it('loads a user dictionary so matter names stay one word', () => {
    const j = createSegmenter(['海域使用金 50000 n', '取水许可证']);
    expect(tokenise(j, '海域使用金怎么缴纳').words).toContain('海域使用金');
    expect(tokenise(j, '取水许可证').words).toContain('取水许可证');
    expect(tokenise(createSegmenter(), 'abc 取水').units).toEqual(['abc', '取', '水']);
  });
});
