import { describe, expect, it } from 'vitest';
import { defaultTerms } from '../../knowledge/default-terms.js';
import {
  basicNormalise,
  createEnglishReplacer,
  createNormaliser,
  createReplacer,
  MIXED_ENGLISH,
  stripFillers,
  synonymPairs,
} from './normalise.js';
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

  describe('with the shipped synonym groups', () => {
    // the replacer sees text after basicNormalise (lower case: 随申办App → 随申办app)
    const groups = defaultTerms().synonyms.map((g) => g.split(' ').map(basicNormalise));
    const shipped = createNormaliser({ synonyms: groups });
    const replace = createReplacer(synonymPairs(groups));

    it('keeps a canonical word whole when a shorter synonym is part of it (办 inside 办理, 河 inside 河道)', () => {
      expect(shipped.normalise('如何申请办理取水许可？', { stripFillers: true })).toBe('怎么办理办理取水许可证');
      expect(shipped.normalise('河道蓝线划定成果在哪里查询？', { stripFillers: true })).toBe(
        '河道蓝线划定成果在哪里查询',
      );
      expect(shipped.normalise('取水许可证在哪里办')).toBe('取水许可证在哪里办理');
    });

    it('maps every word of a group to its canonical word, and leaves canonical words as they are', () => {
      const owners = new Map<string, number>();
      for (const g of groups) for (const w of g) owners.set(w, (owners.get(w) ?? 0) + 1);
      for (const [canon, ...others] of groups) {
        expect(replace(canon)).toBe(canon);
        for (const w of others) if (owners.get(w) === 1) expect(replace(w), w).toBe(canon);
      }
    });

    it('replaces in one pass over the original: replacing again changes nothing', () => {
      const words = groups.flat();
      let seed = 42;
      const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * words.length;
      for (let i = 0; i < 2000; i++) {
        const text = Array.from({ length: 4 }, () => words[Math.floor(rnd())]).join('');
        const once = replace(text);
        expect(replace(once), text).toBe(once);
      }
    });
  });
});

describe('English words mixed into a question', () => {
  it("become the bureau's words, whole words only, phrases first", () => {
    const n = createNormaliser();
    expect(n.normalise('排水License多久能批下来')).toBe(n.normalise('排水许可证多久能批下来'));
    expect(n.normalise('company name changed，取水证要update吗')).toContain('公司 name 变更 取水证要变更吗');
    expect(n.normalise('water bill突然很高')).toBe(n.normalise('水费突然很高'));
    const english = createEnglishReplacer(MIXED_ENGLISH);
    // a word inside another word is left alone (fee in coffee, bill in billion, permit in permitted)
    expect(english('coffee billion permitted')).toBe('coffee billion permitted');
    expect(english('fee; permit')).toBe('费用; 许可证');
    expect(english('how   long')).toBe('多久');
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
