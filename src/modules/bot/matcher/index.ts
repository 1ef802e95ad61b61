import { confidenceOf, decide, DEFAULT_THRESHOLDS } from './decide.js';
import { basicNormalise, createNormaliser } from './normalise.js';
import { QuestionIndex } from './question-index.js';
import { rerank, type TRerankInput } from './rerank.js';
import { topK } from './top-k.js';
import { detectSmallTalk } from './smalltalk.js';
import { createSegmenter, ngrams, tokenise } from './tokenise.js';
import type { TCandidate, TMatcher, TMatcherEntry, TMatcherOptions, TMatchOptions, TMatchResult, TWeights } from './types.js';

export type * from './types.js';

export const DEFAULT_WEIGHTS: TWeights = {
  words: 1,
  uni: 2,
  bi: 1,
  tri: 0.5,
  rStage1: 1,
  rLcsQ: 0.1,
  rLcsD: 0.25,
  rDice: 0,
  rCovQ: 0.25,
  rCovD: 0,
  rCharCovQ: 1.5,
  rCharCovD: 0.5,
  context: 0.3,
};

/** How many questions survive the first stage, and how many entries get reranked. */
const FIRST_STAGE = 120;
const RERANK = 40;
const MAX_QUERY_UNITS = 200;

interface TEntryState {
  entry: TMatcherEntry;
  docs: number[];
}

/**
 * Creates the FAQ matcher of 小申: a pure, synchronous, in-memory index over the
 * standard and similar questions of the published KB, answering "which entry does this
 * citizen question mean, and how sure are we". Updates are incremental so a published
 * change is searchable at once.
 */
export function createMatcher(options: TMatcherOptions = {}): TMatcher {
  const weights: TWeights = { ...DEFAULT_WEIGHTS, ...options.weights };
  const thresholds = { ...DEFAULT_THRESHOLDS, ...options.thresholds };
  const normaliser = createNormaliser({ synonyms: options.synonyms, corrections: options.corrections });
  const jieba = createSegmenter(options.dictionary);
  let index = new QuestionIndex(jieba, options.bm25, options.spelling === true);
  let entries = new Map<string, TEntryState>();
  const matters = new Map<string, number>();
  let acc = new Float64Array(0);
  let seen = new Uint8Array(0);

  function addMatter(m: string | null | undefined, delta: number): void {
    if (!m) return;
    const n = (matters.get(m) ?? 0) + delta;
    if (n <= 0) matters.delete(m);
    else matters.set(m, n);
  }

  function insert(entry: TMatcherEntry): void {
    const texts = new Set<string>();
    for (const q of [entry.question, ...(entry.similar ?? [])]) {
      const t = normaliser.normalise(q, { stripFillers: true });
      if (t) texts.add(t);
    }
    const docs = [...texts].map((t) => index.add(entry.id, t));
    entries.set(entry.id, { entry: { ...entry, similar: [...(entry.similar ?? [])] }, docs });
    addMatter(entry.matter, 1);
  }

  function removeEntry(id: string): boolean {
    const st = entries.get(id);
    if (!st) return false;
    for (const d of st.docs) index.remove(d);
    entries.delete(id);
    addMatter(st.entry.matter, -1);
    return true;
  }

  function ensureCapacity(): void {
    if (acc.length < index.capacity) {
      const cap = Math.max(index.capacity, Math.ceil(acc.length * 1.5), 64);
      acc = new Float64Array(cap);
      seen = new Uint8Array(cap);
    }
  }

  /** Does the question name a matter itself (then context must not override it)? */
  function mentionsMatter(text: string): boolean {
    for (const m of matters.keys()) {
      const nm = basicNormalise(m);
      if (nm && text.includes(nm)) return true;
    }
    return false;
  }

  function match(query: string, opts: TMatchOptions = {}): TMatchResult {
    const limit = Math.max(1, Math.min(opts.limit ?? 10, 50));
    const raw = typeof query === 'string' ? query : String(query ?? '');
    const kind = detectSmallTalk(basicNormalise(raw));
    const normalised = normaliser.normalise(raw);
    const empty: TMatchResult = { decision: 'none', confidence: 0, candidates: [], suggestions: [], normalised, ...(kind ? { kind } : {}) };
    if (kind || entries.size === 0) return empty;
    const tokens = tokenise(jieba, normalised);
    if (tokens.units.length === 0) return empty;
    let units = tokens.units.slice(0, MAX_QUERY_UNITS);
    let words = tokens.words.slice(0, MAX_QUERY_UNITS);
    if (index.speller) {
      const fixed = index.speller.correct(units, (b) => index.bi.dfOf(b) > 0);
      if (fixed.some((u, i) => u !== units[i])) {
        units = fixed;
        words = tokenise(jieba, fixed.join('')).words;
      }
    }
    const bigrams = ngrams(units, 2);

    ensureCapacity();
    const touched: number[] = [];
    index.words.score(words, weights.words, acc, touched, seen);
    index.uni.score(units, weights.uni, acc, touched, seen);
    index.bi.score(bigrams, weights.bi, acc, touched, seen);
    const trigrams = ngrams(units, 3);
    index.tri.score(trigrams, weights.tri, acc, touched, seen);

    let previousMatter = opts.previousMatter ?? null;
    if (!previousMatter && opts.previousEntryId) previousMatter = entries.get(opts.previousEntryId)?.entry.matter ?? null;
    const contextMatter = previousMatter && !mentionsMatter(normalised) ? previousMatter : null;
    const total = weights.words + weights.uni + weights.bi + weights.tri;

    // First stage: best questions by fused BM25 (each field scaled to ≈1 for full coverage).
    for (const d of touched) {
      let s = acc[d]! / total;
      if (contextMatter && entries.get(index.docs[d]!.entry)?.entry.matter === contextMatter) s += weights.context;
      acc[d] = s;
    }
    const firstStage = topK(touched, acc, FIRST_STAGE);
    const perEntry = new Map<string, TRerankInput>();
    for (const d of firstStage) {
      const doc = index.docs[d]!;
      if (perEntry.size >= RERANK && !perEntry.has(doc.entry)) continue;
      const st = entries.get(doc.entry)!;
      const boost = contextMatter && st.entry.matter === contextMatter ? weights.context : 0;
      const prev = perEntry.get(doc.entry);
      if (!prev) perEntry.set(doc.entry, { entryId: doc.entry, docs: [{ doc, stage1: acc[d]! - boost }], boost });
      else prev.docs.push({ doc, stage1: acc[d]! - boost });
    }
    for (const d of touched) {
      acc[d] = 0;
      seen[d] = 0;
    }

    const ranked = rerank({ units, words, bigrams, trigrams, text: normalised }, [...perEntry.values()], index, weights, opts.debug === true);
    const candidates: TCandidate[] = ranked.slice(0, limit).map((r) => {
      const st = entries.get(r.entryId)!;
      return {
        id: r.entryId,
        score: r.score,
        matter: st.entry.matter ?? null,
        matchedQuestion: r.doc.text,
        ...(r.features ? { features: r.features } : {}),
      };
    });
    const top = ranked[0];
    const confidence = confidenceOf(top, ranked[1]?.score ?? 0);
    const { decision, suggestions } = decide(confidence, top, candidates, thresholds);
    return { decision, confidence, candidates, suggestions, normalised };
  }

  return {
    build(list) {
      index = new QuestionIndex(jieba, options.bm25, options.spelling === true);
      entries = new Map();
      matters.clear();
      for (const e of list) {
        if (entries.has(e.id)) removeEntry(e.id);
        insert(e);
      }
      ensureCapacity();
    },
    upsert(entry) {
      removeEntry(entry.id);
      insert(entry);
      ensureCapacity();
    },
    remove(id) {
      return removeEntry(id);
    },
    get size() {
      return entries.size;
    },
    match,
  };
}
