import type { Jieba } from '@node-rs/jieba';
import { FieldIndex } from '../../src/modules/bot/matcher/field-index.js';
import type { TDoc } from '../../src/modules/bot/matcher/question-index.js';
import { ngrams, tokenise } from '../../src/modules/bot/matcher/tokenise.js';
import { ContextSpeller } from './speller.js';
import type { TBm25Params } from './types.js';

export type { TDoc };

/**
 * The product's BM25 field with two research additions: an idf weighted by a prior on the term
 * (general-corpus idf, A5) and the normalised BM25 of one document (feature dumps).
 */
export class ResearchFieldIndex extends FieldIndex {
  constructor(
    k1: number,
    b: number,
    private readonly prior?: (term: string) => number,
  ) {
    super(k1, b, 1);
  }

  protected override termIdf(term: string, df: number): number {
    return super.termIdf(term, df) * (this.prior ? this.prior(term) : 1);
  }

  /** Normalised BM25 (as in `score`, weight 1) of one live document. */
  scoreDoc(queryTerms: readonly string[], doc: number): number {
    const terms = this.docTerms[doc];
    const tfs = this.docTfs[doc];
    if (!terms || !tfs || this.live === 0) return 0;
    const avgdl = this.totalLen / Math.max(1, this.live);
    const norm = this.k1 * (1 - this.b + (this.b * this.docLen[doc]) / avgdl);
    let mass = 0;
    let sum = 0;
    for (const t of new Set(queryTerms)) {
      const id = this.termIds.get(t);
      const df = id === undefined ? 0 : this.df[id];
      const idf = this.termIdf(t, df);
      mass += idf;
      if (id === undefined || df === 0) continue;
      const k = terms.indexOf(id);
      if (k < 0) continue;
      const tf = tfs[k];
      sum += (idf * (this.k1 + 1) * tf) / (tf + norm);
    }
    return mass === 0 ? 0 : sum / mass;
  }
}

/**
 * Research harness (not shipped): the product's question index with a trigram field, the KB
 * speller and the general-idf prior.
 *
 * Per-question inverted index over four BM25 fields (jieba words, character uni-, bi-
 * and trigrams). Questions get dense ids, never reused
 * (postings of a removed question may linger until compaction).
 */
export class ResearchQuestionIndex {
  readonly words: ResearchFieldIndex;
  readonly uni: ResearchFieldIndex;
  readonly bi: ResearchFieldIndex;
  readonly tri: ResearchFieldIndex;
  readonly docs: (TDoc | undefined)[] = [];
  readonly speller: ContextSpeller | undefined;
  private readonly indexTrigrams: boolean;

  constructor(
    private readonly jieba: Jieba,
    opts: { bm25?: TBm25Params; spelling?: boolean; prior?: (term: string) => number; trigrams?: boolean } = {},
  ) {
    const { bm25 = {}, spelling = false, prior } = opts;
    this.indexTrigrams = opts.trigrams !== false;
    this.speller = spelling ? new ContextSpeller() : undefined;
    const f = (k: keyof TBm25Params, p?: (t: string) => number) =>
      new ResearchFieldIndex(bm25[k]?.k1 ?? 1.2, bm25[k]?.b ?? 0.75, p);
    this.words = f('words', prior);
    this.uni = f('uni');
    this.bi = f('bi');
    this.tri = f('tri');
  }

  add(entry: string, normalisedText: string): number {
    const { words, units } = tokenise(this.jieba, normalisedText);
    const bigrams = ngrams(units, 2);
    const id = this.docs.length;
    this.docs[id] = { id, entry, text: normalisedText, units, words, bigrams };
    this.words.add(id, words);
    this.uni.add(id, units);
    this.bi.add(id, bigrams);
    if (this.indexTrigrams) this.tri.add(id, ngrams(units, 3));
    this.speller?.add(units);
    return id;
  }

  remove(id: number): void {
    const doc = this.docs[id];
    if (!doc) return;
    this.speller?.remove(doc.units);
    this.words.remove(id);
    this.uni.remove(id);
    this.bi.remove(id);
    this.tri.remove(id);
    this.docs[id] = undefined;
  }

  get capacity(): number {
    return this.docs.length;
  }
}
