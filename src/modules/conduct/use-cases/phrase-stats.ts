import type { DbOrTrx } from '../../../platform/db/connect.js';
import type { TPhraseStats } from '../../../contracts/conduct.js';

/**
 * How often each forbidden phrase was caught in staff messages from `from` to `to` (Shanghai
 * dates), most frequent first; phrases on the list never caught are listed with 0.
 */
export async function phraseStats(db: DbOrTrx, from: string, to: string): Promise<TPhraseStats> {
  const counted = await db
    .selectFrom('conduct_warnings')
    .select(['phrase', (eb) => eb.fn.countAll<number>().as('n')])
    .where('created_on', '>=', from)
    .where('created_on', '<=', to)
    .groupBy('phrase')
    .execute();
  const listed = await db.selectFrom('conduct_phrases').select('phrase').execute();
  const counts = new Map<string, number>(listed.map((p) => [p.phrase, 0]));
  for (const c of counted) counts.set(c.phrase, Number(c.n));
  const items = [...counts]
    .map(([phrase, count]) => ({ phrase, count }))
    .sort((a, b) => b.count - a.count || a.phrase.localeCompare(b.phrase, 'zh'));
  return { from, to, total: items.reduce((n, i) => n + i.count, 0), items };
}
