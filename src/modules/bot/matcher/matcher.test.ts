import { describe, expect, it } from 'vitest';
import { WATER_FAQ } from './fixtures.test-data.js';
import { createMatcher } from './index.js';

function built(opts?: Parameters<typeof createMatcher>[0]) {
  const m = createMatcher(opts);
  m.build(WATER_FAQ);
  return m;
}

describe('matcher', () => {
  const m = built();

  it('answers a clear match, from the standard or a similar question', () => {
    const r = m.match('取水许可证怎么办理');
    expect(r.decision).toBe('answer');
    expect(r.candidates[0].id).toBe('qs-apply');
    expect(r.confidence).toBeGreaterThan(0.5);
    expect(m.match('网上可以交水费吗？').candidates[0].id).toBe('fee-pay');
  });

  it('tolerates fillers, traditional characters, typos and dialect', () => {
    expect(m.match('您好，请问一下取水许可证怎么办理呀？谢谢').candidates[0].id).toBe('qs-apply');
    expect(m.match('取水許可證怎麼辦理').candidates[0].id).toBe('qs-apply');
    expect(m.match('取水许可正怎么办理').candidates[0].id).toBe('qs-apply');
    expect(m.match('侬好，取水许可证哪能办理').candidates[0].id).toBe('qs-apply');
    expect(m.match('水管漏水了咋办，找谁').candidates[0].id).toBe('leak');
  });

  it('says none to an unrelated question', () => {
    for (const q of ['今天天气怎么样', '推荐一部好看的电影', 'how to cook rice']) {
      const r = m.match(q);
      expect(r.decision, q).toBe('none');
    }
  });

  it('does not answer a vague or partial question directly, even when one entry leads', () => {
    for (const q of ['怎么办理', '漏水了', '水费怎么这么贵']) expect(m.match(q).decision, q).not.toBe('answer');
  });

  it('offers choices when the question fits several entries', () => {
    const r = m.match('许可证怎么办');
    expect(r.decision).toBe('suggest');
    expect(r.suggestions.length).toBeGreaterThanOrEqual(2);
    expect(r.suggestions).toEqual(expect.arrayContaining(['qs-apply', 'ps-apply']));
  });

  it('uses the previous matter for a follow-up that names none', () => {
    expect(m.match('那要什么材料', { previousMatter: '排水许可' }).candidates[0].id).toBe('ps-docs');
    expect(m.match('那要什么材料', { previousMatter: '取水许可' }).candidates[0].id).toBe('qs-docs');
    expect(m.match('那要什么材料', { previousEntryId: 'ps-apply' }).candidates[0].id).toBe('ps-docs');
    // a question naming its own matter is not pulled to the previous one
    expect(m.match('取水许可要什么材料', { previousMatter: '排水许可' }).candidates[0].id).toBe('qs-docs');
  });

  it('answers small talk politely instead of searching', () => {
    expect(m.match('你好').kind).toBe('greeting');
    expect(m.match('谢谢！').kind).toBe('thanks');
    expect(m.match('拜拜').kind).toBe('bye');
    expect(m.match('你好').decision).toBe('none');
  });

  it('applies synonyms and the user dictionary', () => {
    const s = built({ synonyms: [['取水许可证', '取水证']], dictionary: ['海域使用金 50000 n'] });
    expect(s.match('取水证怎么办理').candidates[0].id).toBe('qs-apply');
    expect(s.match('海域使用金在哪交').candidates[0].id).toBe('hy-fee');
  });

  it('never throws on odd input', () => {
    const odd = [
      '',
      '   ',
      '取水'.repeat(1000),
      '😀🙏🎉',
      '<script>alert(1)</script>取水许可',
      "'; DROP TABLE faq; --",
      'SELECT * FROM users WHERE 1=1',
      'How do I apply for 取水许可证 online?',
      '\u0000\uFFFF\uD800',
    ];
    for (const q of odd) {
      const r = m.match(q);
      expect(['answer', 'suggest', 'none']).toContain(r.decision);
      expect(r.confidence).toBeGreaterThanOrEqual(0);
      expect(r.confidence).toBeLessThanOrEqual(1);
    }
    expect(m.match('').decision).toBe('none');
    expect(m.match('😀🙏🎉').decision).toBe('none');
    expect(createMatcher().match('取水许可').decision).toBe('none');
  });
});

describe('incremental updates', () => {
  it('upserts and removes entries without a rebuild', () => {
    const m = built();
    expect(m.size).toBe(WATER_FAQ.length);
    m.upsert({ id: 'ys-new', question: '二次供水水箱多久清洗一次？', similar: [], matter: '供水' });
    expect(m.size).toBe(WATER_FAQ.length + 1);
    expect(m.match('二次供水水箱多久清洗一次').candidates[0].id).toBe('ys-new');

    m.upsert({ id: 'ys-new', question: '小区水箱清洗归谁管？', similar: [], matter: '供水' });
    expect(m.size).toBe(WATER_FAQ.length + 1);
    expect(m.match('小区水箱清洗归谁管').candidates[0].id).toBe('ys-new');
    expect(m.match('二次供水多久清洗一次').candidates[0]?.matchedQuestion).not.toBe('二次供水水箱多久清洗一次');

    expect(m.remove('ys-new')).toBe(true);
    expect(m.remove('ys-new')).toBe(false);
    expect(m.match('小区水箱清洗归谁管').candidates.map((c) => c.id)).not.toContain('ys-new');
    expect(m.match('取水许可证怎么办理').candidates[0].id).toBe('qs-apply');
  });

  it('stays correct after many updates (compaction)', () => {
    const m = createMatcher();
    m.build(WATER_FAQ);
    for (let i = 0; i < 3000; i++)
      m.upsert({ id: `tmp-${i % 50}`, question: `临时问题${i}号水质检测报告怎么查`, similar: [] });
    for (let i = 0; i < 50; i++) m.remove(`tmp-${i}`);
    expect(m.size).toBe(WATER_FAQ.length);
    expect(m.match('水质检测报告怎么查').candidates.every((c) => !c.id.startsWith('tmp-'))).toBe(true);
    expect(m.match('排水许可证怎么申请').candidates[0].id).toBe('ps-apply');
  });

  it('indexes an update within the 2 s publishing budget on a 16,000-entry KB', () => {
    const m = createMatcher();
    m.build(
      Array.from({ length: 16000 }, (_, i) => ({
        id: `e${i}`,
        question: `第${i}号事项的办理材料和时限是什么`,
        similar: [],
      })),
    );
    const t0 = performance.now();
    m.upsert({ id: 'fresh', question: '防汛物资储备点在哪里', similar: [] });
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(m.match('防汛物资储备点在哪').candidates[0].id).toBe('fresh');
  }, 30_000);
});
