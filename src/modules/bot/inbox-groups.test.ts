import { describe, expect, it } from 'vitest';
import { groupInboxItems, type InboxItem } from './inbox-groups.js';

const item = (id: string, question: string, createdAt = '2026-11-25T02:00:00Z'): InboxItem => ({
  id,
  question,
  createdAt,
  reason: 'no_match',
  topCandidate: null,
});

describe('grouping unanswered questions', () => {
  it('puts rephrasings of one question together and counts them, most frequent first', () => {
    const groups = groupInboxItems([
      item('1', '地下水取水证到期了怎么延期'),
      item('2', '防汛物资在哪里领'),
      item('3', '取水证到期了怎么延期？'),
      item('4', '取水证到期怎么延期啊'),
      item('5', '防汛物资哪里领取'),
    ]);
    expect(groups.map((g) => g.count)).toEqual([3, 2]);
    expect(groups[0].items.map((i) => i.id).sort()).toEqual(['1', '3', '4']);
  });

  it('keeps different questions apart', () => {
    const groups = groupInboxItems([item('1', '海域使用金怎么交'), item('2', '排水许可要什么材料')]);
    expect(groups).toHaveLength(2);
  });

  it('copes with empty and emoji-only questions', () => {
    expect(groupInboxItems([item('1', ''), item('2', '😀😀')])).toHaveLength(2);
  });
});
