import type { Jieba } from '@node-rs/jieba';
import { FieldIndex } from './field-index.js';
import { ContextSpeller } from './speller.js';
import { ngrams, tokenise } from './tokenise.js';
import type { TBm25Params } from './types.js';

/** One indexed question (standard or similar) of an entry. */
export interface TDoc {
  id: number;
  entry: string;
  text: string;
  units: string[];
  words: string[];
  bigrams: string[];
  /** Distinct units, built on first rerank. */
  unitSet?: Set<string>;
}

/**
 * Per-question inverted index over four BM25 fields (jieba words, character uni-, bi-
 * and trigrams). Questions get dense ids, never reused
 * (postings of a removed question may linger until compaction).
 */
export class QuestionIndex {
  readonly words: FieldIndex;
  readonly uni: FieldIndex;
  readonly bi: FieldIndex;
  readonly tri: FieldIndex;
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
      new FieldIndex(bm25[k]?.k1 ?? 1.2, bm25[k]?.b ?? 0.75, 1, p);
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
