/**
 * Share of one-question sessions resolved when the bot answers, or offers "您是不是想问" with the
 * best entry's answer shown and up to two other choices, and a simulated citizen opens the right
 * suggestion when it is shown (issue 9). Uses the product's matcher and routing (routeTurn).
 * Usage: npx tsx bench/simulated-citizen.ts --faq FILE --queries FILE
 */
import { readFileSync } from 'node:fs';
import { parseKbJsonl } from '../src/modules/knowledge/import/parse-jsonl.js';
import { createMatcher, routeTurn } from '../src/modules/bot/matcher/index.js';
import { defaultTerms } from '../src/modules/knowledge/default-terms.js';

const argv = process.argv.slice(2);
const get = (n: string) => argv[argv.indexOf(n) + 1];
const { entries } = parseKbJsonl(readFileSync(get('--faq'), 'utf8'));
const qs = readFileSync(get('--queries'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { query: string; expected: string | null });
const terms = defaultTerms();
const matcher = createMatcher({ dictionary: terms.dictionary, synonyms: terms.synonyms.map((g) => g.split(' ')) });
matcher.build(entries.map((e) => ({ id: e.id, question: e.question, similar: e.similar, matter: e.matter ?? null })));

const n = { inScope: 0, answeredRight: 0, answeredWrong: 0, firstShown: 0, otherShown: 0, outOfScope: 0, oosRouted: 0 };
for (const q of qs) {
  const turn = routeTurn(matcher.match(q.query, { limit: 10 }), () => true);
  if (q.expected === null) {
    n.outOfScope++;
    if (turn.decision === 'out_of_scope' || turn.decision === 'none') n.oosRouted++;
    continue;
  }
  n.inScope++;
  if (turn.decision === 'answer') {
    if (turn.entryId === q.expected) n.answeredRight++;
    else n.answeredWrong++;
  } else if (turn.decision === 'suggest') {
    const i = turn.entryIds.indexOf(q.expected);
    if (i === 0) n.firstShown++;
    else if (i > 0) n.otherShown++;
  }
}
const share = (x: number) => Math.round((x / n.inScope) * 1000) / 1000;
process.stdout.write(
  JSON.stringify({
    questions: qs.length,
    in_scope: n.inScope,
    resolved_answered_only: share(n.answeredRight),
    resolved_with_suggestion_answer: share(n.answeredRight + n.firstShown),
    resolved_opening_right_suggestion: share(n.answeredRight + n.firstShown + n.otherShown),
    answered_wrong: share(n.answeredWrong),
    out_of_scope_not_offered_water: n.outOfScope ? Math.round((n.oosRouted / n.outOfScope) * 1000) / 1000 : null,
  }) + '\n',
);
