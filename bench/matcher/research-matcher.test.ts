import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../src/modules/bot/matcher/index.js';
import { parseKbJsonl } from '../../src/modules/knowledge/import/parse-jsonl.js';
import { defaultTerms } from '../../src/modules/knowledge/default-terms.js';
import { createResearchMatcher } from './research-matcher.js';

describe('research matcher', () => {
  // The research matcher predates issue 9's matter words, richer-KB bar and routes (human,
  // out_of_scope): it matches the product on a KB without matters or similar questions (the dev
  // sets' shape, where none of them applies), for every question the product keeps in the FAQ.
  it('with no research option ranks, scores and decides exactly as the product (water questions, bare KB)', () => {
    const { entries } = parseKbJsonl(readFileSync('src/modules/knowledge/demo/demo-kb.jsonl', 'utf8'));
    const queries = readFileSync('bench/water/queries.jsonl', 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as { query: string }).query);
    const terms = defaultTerms();
    const opts = { dictionary: terms.dictionary, synonyms: terms.synonyms.map((g) => g.split(' ')) };
    const kb = entries.map((e) => ({ id: e.id, question: e.question, similar: [], matter: null }));
    const product = createMatcher(opts);
    const research = createResearchMatcher(opts);
    product.build(kb);
    research.build(kb);
    expect(queries.length).toBeGreaterThanOrEqual(300);
    let compared = 0;
    for (const q of queries) {
      const p = product.match(q);
      if (p.route) continue;
      expect(research.match(q), q).toEqual(p);
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(300);
    // context changes the ranking the same way
    const ctx = { previousEntryId: kb[0].id };
    expect(research.match('那要什么材料', ctx)).toEqual(product.match('那要什么材料', ctx));
  });
});
