/**
 * Leave-one-out over the KB's own similar questions (docs/benchmarks.md, B3): each entry's last
 * similar question is asked with that question left out of the KB; prints, per answer bar
 * (raw point × coverage gate), how many held-out questions would be answered right and wrong.
 * Usage: npx tsx bench/loo.ts --faq FILE
 */
import { readFileSync } from 'node:fs';
import { parseKbJsonl } from '../src/modules/knowledge/import/parse-jsonl.js';
import { createMatcher } from '../src/modules/bot/matcher/index.js';
import { defaultTerms } from '../src/modules/knowledge/default-terms.js';

const faq = process.argv[process.argv.indexOf('--faq') + 1];
const { entries } = parseKbJsonl(readFileSync(faq, 'utf8'));
const terms = defaultTerms();
const m = createMatcher({ dictionary: terms.dictionary, synonyms: terms.synonyms.map((g) => g.split(' ')) });
const list = entries.map((e) => ({ id: e.id, question: e.question, similar: e.similar, matter: e.matter ?? null }));
m.build(list);
const samples: { conf: number; correct: boolean }[] = [];
for (const e of list) {
  if (!e.similar?.length) continue;
  const held = e.similar[e.similar.length - 1];
  m.upsert({ ...e, similar: e.similar.slice(0, -1) });
  const r = m.match(held);
  samples.push({ conf: r.confidence, correct: r.candidates[0]?.id === e.id });
  m.upsert(e);
}

const n = samples.length;
process.stdout.write(`samples ${n}, top1 ${samples.filter((s) => s.correct).length}\n`);
for (const bar of [0.5, 0.45, 0.4, 0.35, 0.3, 0.25]) {
  const right = samples.filter((s) => s.conf >= bar && s.correct).length;
  const wrong = samples.filter((s) => s.conf >= bar && !s.correct).length;
  process.stdout.write(`conf ≥ ${bar}: right ${right} wrong ${wrong}\n`);
}
