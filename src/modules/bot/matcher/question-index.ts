import type { Jieba } from '@node-rs/jieba';
import { FieldIndex } from './field-index.js';
import { ngrams, tokenise } from './tokenise.js';

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
 * Per-question inverted index over three BM25 fields (jieba words, character unigrams and
 * bigrams; k1 = 1.2, b = 0.75). Questions get dense ids, never reused (postings of a removed
 * question may linger until compaction).
 */
export class QuestionIndex {
  readonly words = new FieldIndex();
  readonly uni = new FieldIndex();
  readonly bi = new FieldIndex();
  readonly docs: (TDoc | undefined)[] = [];

  constructor(private readonly jieba: Jieba) {}

  add(entry: string, normalisedText: string): number {
    const { words, units } = tokenise(this.jieba, normalisedText);
    const bigrams = ngrams(units, 2);
    const id = this.docs.length;
    this.docs[id] = { id, entry, text: normalisedText, units, words, bigrams };
    this.words.add(id, words);
    this.uni.add(id, units);
    this.bi.add(id, bigrams);
    return id;
  }

  remove(id: number): void {
    if (!this.docs[id]) return;
    this.words.remove(id);
    this.uni.remove(id);
    this.bi.remove(id);
    this.docs[id] = undefined;
  }

  get capacity(): number {
    return this.docs.length;
  }
}
