/**
 * Research harness (not shipped): runs the research matcher (bench/matcher: the product matcher
 * plus every option tried) with option overrides on the dev sets.
 * Usage: tsx bench/run.ts '{"weights":{...}}' [sets] [--dump DIR]
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseKbJsonl } from '../src/modules/knowledge/import/parse-jsonl.js';
import { createResearchMatcher } from './matcher/research-matcher.js';
import { computeMetrics, type TEvalOutcome } from '../src/modules/bot/matcher/metrics.js';

const DEV = process.env.EVAL_DIR ?? '/work/shared/eval/dev';
const cfg = JSON.parse(process.argv[2] ?? '{}');
const sets = (process.argv[3] ?? 'lcqmc,oppo,afqmc').split(',');
const dumpIdx = process.argv.indexOf('--dump');
const dumpDir = dumpIdx > 0 ? process.argv[dumpIdx + 1] : undefined;
for (const set of sets) {
  const { entries } = parseKbJsonl(readFileSync(`${DEV}/${set}.faq.jsonl`, 'utf8'));
  const qs = readFileSync(`${DEV}/${set}.queries.jsonl`, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
  const m = createResearchMatcher(cfg);
  const t0 = performance.now();
  m.build(entries);
  const build = performance.now() - t0;
  const out: TEvalOutcome[] = [];
  const dump: string[] = [];
  for (const q of qs) {
    const s = performance.now();
    const r = m.match(q.query, { limit: dumpDir ? 40 : 10, debug: !!dumpDir });
    const ms = performance.now() - s;
    out.push({
      expected: q.expected,
      ranked: r.candidates.slice(0, 10).map((c) => c.id),
      answered: r.decision === 'answer',
      ms,
    });
    if (dumpDir)
      dump.push(
        JSON.stringify({ e: q.expected, q: r.normalised, c: r.candidates.map((c) => ({ id: c.id, f: c.features })) }),
      );
  }
  if (dumpDir) {
    mkdirSync(dumpDir, { recursive: true });
    writeFileSync(`${dumpDir}/${set}.jsonl`, dump.join('\n'));
  }
  console.log(set.padEnd(6), JSON.stringify({ ...computeMetrics(out), build_ms: Math.round(build) }));
}
