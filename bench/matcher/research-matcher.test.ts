import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../src/modules/bot/matcher/index.js';
import { parseKbJsonl } from '../../src/modules/knowledge/import/parse-jsonl.js';
import { defaultTerms } from '../../src/modules/knowledge/default-terms.js';
import { createResearchMatcher } from './research-matcher.js';

describe('research matcher', () => {
  it('with no research option ranks, scores and decides exactly as the product (water set)', () => {
    const { entries } = parseKbJsonl(readFileSync('src/modules/knowledge/demo/demo-kb.jsonl', 'utf8'));
    const queries = readFileSync('bench/water/queries.jsonl', 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as { query: string }).query);
    const terms = defaultTerms();
    const opts = { dictionary: terms.dictionary, synonyms: terms.synonyms.map((g) => g.split(' ')) };
    const kb = entries.map((e) => ({ id: e.id, question: e.question, similar: e.similar, matter: e.matter ?? null }));
    const product = createMatcher(opts);
    const research = createResearchMatcher(opts);
    product.build(kb);
    research.build(kb);
    expect(queries).toHaveLength(260);
    for (const q of queries) expect(research.match(q), q).toEqual(product.match(q));
    // context changes the ranking the same way
    const ctx = { previousMatter: kb[0].matter };
    expect(research.match('那要什么材料', ctx)).toEqual(product.match('那要什么材料', ctx));
  });
});
