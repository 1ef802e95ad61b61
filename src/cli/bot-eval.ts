/**
 * Offline evaluation of 小申's FAQ matcher on a KB file and a question file.
 * Usage: npm run bot:eval -- --faq FILE --queries FILE [--limit N] [--verbose] [--no-terms]
 * The matcher gets the dictionary and synonyms a new installation ships with (--no-terms: none).
 * Uses the product's own import parser and matcher decision; prints one JSON line last.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseKbJsonl } from '../modules/knowledge/import/parse-jsonl.js';
import { createMatcher } from '../modules/bot/matcher/index.js';
import { computeMetrics, type TEvalOutcome } from '../modules/bot/matcher/metrics.js';
import { defaultTerms } from '../modules/knowledge/default-terms.js';

function args(argv: string[]): { faq: string; queries: string; limit?: number; verbose: boolean; terms: boolean } {
  const get = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const faq = get('--faq');
  const queries = get('--queries');
  if (!faq || !queries) {
    process.stderr.write('usage: bot-eval --faq FILE --queries FILE [--limit N] [--verbose]\n');
    process.exit(2);
  }
  const limit = get('--limit');
  return {
    faq,
    queries,
    limit: limit ? Number(limit) : undefined,
    verbose: argv.includes('--verbose'),
    terms: !argv.includes('--no-terms'),
  };
}

function main(): void {
  const opt = args(process.argv.slice(2));
  const { entries, errors } = parseKbJsonl(readFileSync(opt.faq, 'utf8'));
  if (errors.length)
    process.stderr.write(`faq: ${errors.length} bad rows (first: line ${errors[0].line}: ${errors[0].message.en})\n`);
  let qs = readFileSync(opt.queries, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { query: string; expected: string | null });
  if (opt.limit) qs = qs.slice(0, opt.limit);

  const terms = opt.terms ? defaultTerms() : { dictionary: [], synonyms: [] };
  const matcher = createMatcher({ dictionary: terms.dictionary, synonyms: terms.synonyms.map((g) => g.split(' ')) });
  const t0 = performance.now();
  matcher.build(entries.map((e) => ({ id: e.id, question: e.question, similar: e.similar, matter: e.matter ?? null })));
  const buildMs = performance.now() - t0;

  for (const q of qs.slice(0, 50)) matcher.match(q.query); // warm-up (JIT), not measured
  const outcomes: TEvalOutcome[] = [];
  for (const q of qs) {
    const s = performance.now();
    const r = matcher.match(q.query, { limit: 10 });
    const ms = performance.now() - s;
    const ranked = r.candidates.map((c) => c.id);
    outcomes.push({ expected: q.expected, ranked, answered: r.decision === 'answer', ms });
    if (opt.verbose) {
      const ok = q.expected === ranked[0] ? 'OK ' : 'BAD';
      process.stdout.write(
        `${ok} ${r.decision} ${r.confidence.toFixed(3)} ${q.expected} ${ranked[0] ?? '-'} ${JSON.stringify(q.query)} -> ${JSON.stringify(r.candidates[0]?.matchedQuestion ?? '')}\n`,
      );
    }
  }
  const m = computeMetrics(outcomes);
  const rss = process.memoryUsage().rss / 1024 / 1024;
  process.stdout.write(JSON.stringify({ ...m, build_ms: Math.round(buildMs), rss_mb: Math.round(rss) }) + '\n');
}

main();
