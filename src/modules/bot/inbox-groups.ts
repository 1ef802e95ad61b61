import { basicNormalise } from './matcher/normalise.js';

export interface InboxItem {
  id: string;
  question: string;
  createdAt: string;
  reason: 'no_match' | 'unsolved' | 'suggested';
  topCandidate: string | null;
  /** the matcher's nearest entries for this question, best first */
  nearest?: string[];
}
export interface InboxGroup {
  key: string;
  question: string;
  count: number;
  latestAt: string;
  items: InboxItem[];
  topCandidate: string | null;
}

function bigrams(text: string): Set<string> {
  const chars = [...text.replace(/\s+/g, '')];
  const out = new Set<string>();
  if (chars.length === 1) out.add(chars[0]);
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1]);
  return out;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

/**
 * Groups unanswered questions that say the same thing (character-bigram overlap after
 * normalisation), so an editor sees "取水证咋延期 ×12" once rather than twelve rows.
 * Greedy and order-independent enough for an inbox: the most frequent group comes first.
 */
export function groupInboxItems(items: readonly InboxItem[], threshold = 0.5): InboxGroup[] {
  const groups: { grams: Set<string>; group: InboxGroup }[] = [];
  for (const item of items) {
    const grams = bigrams(basicNormalise(item.question));
    let best: { grams: Set<string>; group: InboxGroup } | null = null;
    let bestScore = threshold;
    for (const g of groups) {
      const s = jaccard(grams, g.grams);
      if (s >= bestScore) {
        best = g;
        bestScore = s;
      }
    }
    if (best) {
      best.group.items.push(item);
      best.group.count++;
      if (item.createdAt > best.group.latestAt) best.group.latestAt = item.createdAt;
      best.group.topCandidate ??= item.topCandidate;
    } else {
      groups.push({
        grams,
        group: {
          key: item.id,
          question: item.question,
          count: 1,
          latestAt: item.createdAt,
          items: [item],
          topCandidate: item.topCandidate,
        },
      });
    }
  }
  return groups.map((g) => g.group).sort((a, b) => b.count - a.count || b.latestAt.localeCompare(a.latestAt));
}
