import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseKbJsonl } from '../../knowledge/import/parse-jsonl.js';
import { defaultTerms } from '../../knowledge/default-terms.js';
import { barFor, confidenceOf, DEFAULT_BAR, DEFAULT_THRESHOLDS, RICH_KB_BAR } from './decide.js';
import { WATER_FAQ } from './fixtures.test-data.js';
import { createMatcher } from './index.js';
import { detectHumanRequest, detectOutOfScope } from './scope.js';

const DICTIONARY = ['取水许可证 20000 n', '排水许可证 20000 n', '海域使用金 20000 n', '水费 20000 n', '水管 20000 n'];

function built() {
  const m = createMatcher({ dictionary: DICTIONARY });
  m.build(WATER_FAQ);
  return m;
}

describe('requests for a person', () => {
  it('routes 转人工, 人工客服, 找真人 to the human path, with no entry offered', () => {
    const m = built();
    for (const q of ['转人工', '人工客服', '我要找真人', '帮我转个人工服务', '有没有真人在线？']) {
      const r = m.match(q);
      expect(r.route, q).toBe('human');
      expect(r.decision, q).toBe('none');
      expect(r.suggestions, q).toEqual([]);
    }
  });

  it('leaves questions about the human service to the KB', () => {
    for (const q of [
      '智能客服解决不了怎么转人工',
      '线上人工几点有人',
      '人工帮办收费吗',
      '人工服务电话是多少',
      '人工客服周六上班吗',
    ])
      expect(detectHumanRequest(q), q).toBe(false);
  });
});

describe('questions outside the bureau', () => {
  it('recognises other authorities’ business and offers no water entry', () => {
    const m = built();
    for (const q of ['社保怎么交', '今天天气怎么样', '这个月电费怎么这么高，电表是不是坏了', '燃气费怎么交']) {
      const r = m.match(q);
      expect(r.route, q).toBe('out_of_scope');
      expect(r.decision, q).toBe('none');
      expect(r.suggestions, q).toEqual([]);
    }
  });

  it('keeps a water question that also names another service in scope', () => {
    const m = built();
    const r = m.match('水费可以和电费一起交吗');
    expect(r.route).toBeUndefined();
    expect(r.candidates[0].id).toBe('fee-pay');
    expect(m.match('取水许可证怎么办理').route).toBeUndefined();
  });

  it('treats a topic the KB itself covers as in scope', () => {
    const known = (t: string) => t === '社保';
    expect(detectOutOfScope('社保怎么交', [], known)).toBe(false);
    expect(detectOutOfScope('社保怎么交', [], () => false)).toBe(true);
  });
});

describe('the answer bar of a KB', () => {
  it('uses the lower bar only when most entries carry similar questions', () => {
    expect(barFor(10, 5)).toBe(RICH_KB_BAR);
    expect(barFor(10, 4)).toBe(DEFAULT_BAR);
    expect(barFor(0, 0)).toBe(DEFAULT_BAR);
    expect(RICH_KB_BAR.rawPoint).toBeLessThan(DEFAULT_BAR.rawPoint);
  });

  it('lets a KB with similar questions answer at a lower lead, but never a question naming no topic', () => {
    const top = { score: 5, coverQuery: 0.9, coverDoc: 0.9 };
    const second = 5 * (1 - 0.16 / 0.9); // raw cover × margin = 0.16: between the two bars
    expect(confidenceOf(top, second, RICH_KB_BAR)).toBeGreaterThanOrEqual(DEFAULT_THRESHOLDS.answer);
    expect(confidenceOf(top, second, DEFAULT_BAR)).toBeLessThan(DEFAULT_THRESHOLDS.answer);
    const m = built(); // the fixture KB: most entries have similar questions, all have a matter
    for (const q of ['怎么办理', '如何办理', '要什么材料']) expect(m.match(q).decision, q).not.toBe('answer');
    expect(m.match('取水许可证怎么办理').decision).toBe('answer');
  });
});

describe('matter words in the rerank', () => {
  it('prefers the entry whose matter holds the citizen’s words (demo KB)', () => {
    const { entries } = parseKbJsonl(readFileSync('src/modules/knowledge/demo/demo-kb.jsonl', 'utf8'));
    const kb = entries.map((e) => ({ id: e.id, question: e.question, similar: e.similar, matter: e.matter ?? null }));
    const terms = defaultTerms();
    const opts = { dictionary: terms.dictionary, synonyms: terms.synonyms.map((g) => g.split(' ')) };
    const q = '我家门口那条马路每次下大雨都淹，能反映给谁';
    const withMatters = createMatcher(opts);
    withMatters.build(kb);
    expect(withMatters.match(q).candidates[0].id).toBe('kb-0056'); // 下雨后马路积水严重，向哪里反映？
    const withoutMatters = createMatcher(opts);
    withoutMatters.build(kb.map((e) => ({ ...e, matter: null })));
    expect(withoutMatters.match(q).candidates[0].id).not.toBe('kb-0056');
  });

  it('keeps a domain term’s matter apart from its one-character neighbour (排水 vs 取水)', () => {
    const { entries } = parseKbJsonl(readFileSync('src/modules/knowledge/demo/demo-kb.jsonl', 'utf8'));
    const kb = entries.map((e) => ({ id: e.id, question: e.question, similar: e.similar, matter: e.matter ?? null }));
    const terms = defaultTerms();
    const m = createMatcher({ dictionary: terms.dictionary, synonyms: terms.synonyms.map((g) => g.split(' ')) });
    m.build(kb);
    // kb-0185: 排水许可（延续）可以网上办吗; kb-0015: the same for 取水许可
    expect(m.match('排水证续期网上怎么操作').candidates[0].id).toBe('kb-0185');
  });

  it('leaves the matter reward out of the lead between two entries of the same matter', () => {
    const plain = { score: 5, coverQuery: 1, coverDoc: 1 };
    const rewarded = { ...plain, score: 6, bonus: 1 };
    // the runner-up got the same reward: the lead (0.5) is measured against the score without it
    expect(confidenceOf(rewarded, 5.5)).toBeCloseTo(confidenceOf(plain, 4.5), 10);
  });
});

describe('context of earlier turns', () => {
  const { entries } = parseKbJsonl(readFileSync('src/modules/knowledge/demo/demo-kb.jsonl', 'utf8'));
  const kb = entries.map((e) => ({ id: e.id, question: e.question, similar: e.similar, matter: e.matter ?? null }));
  const terms = defaultTerms();
  const m = createMatcher({ dictionary: terms.dictionary, synonyms: terms.synonyms.map((g) => g.split(' ')) });
  m.build(kb);

  it('never turns a full question into a confident answer from the previous matter', () => {
    // after the renewal (SW-QS-002) entries, a question about a NEW permit's materials
    const r = m.match('取水许可新办需要什么材料', { previousMatter: 'SW-QS-002' });
    expect(r.decision === 'answer' && r.candidates[0].id === 'kb-0012').toBe(false); // 延续 materials
    expect(r).toEqual(m.match('取水许可新办需要什么材料'));
  });

  it('still helps a short follow-up that names no topic', () => {
    expect(m.match('那要什么材料', { previousMatter: 'SW-QS-001' }).candidates[0].id).toBe('kb-0003');
    expect(m.match('那要什么材料', { previousMatter: 'SW-HY-001' }).candidates[0].id).toBe('kb-0121');
  });
});
