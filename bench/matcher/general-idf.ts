import { idf as idfBytes } from '@node-rs/jieba/dict.js';

let table: Map<string, number> | undefined;

/* Research harness (not shipped): general-corpus idf prior, A5 in docs/benchmarks.md. */

/**
 * Term importance from jieba's shipped general-corpus idf table, as a factor around 1:
 * function words such as 的/吗/怎么 get well below 1, specific terms ≈ 1. Used to temper
 * the KB's own idf, which is noisy in small KBs. Not learned from any evaluation data.
 */
export function generalPrior(term: string): number {
  if (!table) {
    table = new Map();
    const text = Buffer.from(idfBytes).toString('utf8');
    for (const line of text.split('\n')) {
      const sp = line.indexOf(' ');
      if (sp > 0) table.set(line.slice(0, sp), Number(line.slice(sp + 1)));
    }
  }
  const v = table.get(term);
  if (v === undefined) return 1;
  return Math.max(0.3, Math.min(1, v / 8));
}
