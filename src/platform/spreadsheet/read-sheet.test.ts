import { describe, expect, it } from 'vitest';
import { cellText } from './read-sheet.js';

describe('a spreadsheet cell as text', () => {
  it('drops control characters (a NUL would be refused by PostgreSQL) and keeps tabs and line breaks', () => {
    expect(cellText('取水\u0000许可\u0007')).toBe('取水许可');
    expect(cellText({ richText: [{ text: '诉求\u0000' }, { text: '内容\n第二行\t' }] })).toBe('诉求内容\n第二行\t');
    expect(cellText({ formula: 'A1', result: 'a\u001fb' })).toBe('ab');
    expect(cellText(new Date('2026-09-30T16:05:00Z'))).toBe('2026-09-30 16:05:00');
  });
});
