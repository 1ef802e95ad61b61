import { describe, expect, it } from 'vitest';
import { parseKbJsonl } from './parse-jsonl.js';

describe('parseKbJsonl', () => {
  it('reads valid rows, defaulting similar to []', () => {
    const text = [
      '{"id":"q1","question":"取水许可证怎么办理？","similar":["如何申请取水许可"],"answer":"请登录一网通办。","matter":"取水许可"}',
      '',
      '{"id":"q2","question":"排水许可要多久？","answer":"20个工作日。","category":"排水"}',
    ].join('\n');
    const { entries, errors } = parseKbJsonl(text);
    expect(errors).toEqual([]);
    expect(entries.map((e) => e.id)).toEqual(['q1', 'q2']);
    expect(entries[1].similar).toEqual([]);
    expect(entries[0].matter).toBe('取水许可');
  });

  it('reports every bad row with its line number, in Chinese and English', () => {
    const text = [
      '{"id":"q1","question":"取水许可证怎么办理？","similar":[],"answer":"a"}',
      '{not json',
      '[1,2]',
      '{"id":"q3","similar":[],"answer":"a"}',
      '{"id":"q4","question":"","similar":[],"answer":"a"}',
      '{"id":"q5","question":"x","similar":"y","answer":"a"}',
      '{"id":"q1","question":"重复","similar":[],"answer":"a"}',
    ].join('\r\n');
    const { entries, errors } = parseKbJsonl(text);
    expect(entries).toHaveLength(1);
    expect(errors.map((e) => e.line)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(errors[2].message.en).toContain('question');
    expect(errors[2].message.zh).toContain('标准问');
    expect(errors[5].message.en).toContain('duplicates line 1');
  });

  it('handles an empty file and a BOM', () => {
    expect(parseKbJsonl('')).toEqual({ entries: [], errors: [] });
    const { entries } = parseKbJsonl('\uFEFF{"id":"a","question":"q","similar":[],"answer":"x"}\n');
    expect(entries).toHaveLength(1);
  });
});
