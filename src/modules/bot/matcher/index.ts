import { confidenceOf, decide } from './decide.js';
import { basicNormalise, createNormaliser } from './normalise.js';
import { QuestionIndex } from './question-index.js';
import { rerank, RERANK_SCALE, type TRerankInput } from './rerank.js';
import { topK } from './top-k.js';
import { detectSmallTalk } from './smalltalk.js';
import { createSegmenter, ngrams, tokenise } from './tokenise.js';
import type { TCandidate, TMatcher, TMatcherEntry, TMatcherOptions, TMatchOptions, TMatchResult } from './types.js';

export type * from './types.js';
export { createNormaliser } from './normalise.js';
export { detectSmallTalk, type TSmallTalkKind } from './smalltalk.js';
export { DEFAULT_THRESHOLDS, decideTurn, MAX_SUGGESTIONS, type TTurnDecision } from './decide.js';

/** How many questions survive the first stage, and how many entries get reranked. */
const FIRST_STAGE = 60;
const RERANK = 20;
/**
 * Boost for entries of the previous turn's matter when the question names none ("那要什么材料"),
 * on the first-stage scale (a full match ≈ 1).
 */
const CONTEXT_BOOST = 0.3;

const MAX_QUERY_UNITS = 128;

interface TEntryState {
  entry: TMatcherEntry;
  docs: number[];
  /** Characters of all the entry's questions (only kept when it has several). */
  units: ReadonlySet<string>;
}

/**
 * Creates the FAQ matcher of 小申: a pure, synchronous, in-memory index over the
 * standard and similar questions of the published KB, answering "which entry does this
 * citizen question mean, and how sure are we". Updates are incremental so a published
 * change is searchable at once.
 *
 * First stage: BM25 over jieba words, character unigrams and bigrams, each field scaled to ≈1
 * when the question is fully covered, summed with unit weights (chosen a priori; weights fitted
 * on research data gained only 1–1.5 points and may not ship, docs/benchmarks.md). Second
 * stage: `rerank`. Decision: `decide`. Research variants live in bench/matcher/.
 */
export function createMatcher(options: TMatcherOptions = {}): TMatcher {
  const normaliser = createNormaliser({ synonyms: options.synonyms, corrections: options.corrections });
  const jieba = createSegmenter(options.dictionary);
  let index = new QuestionIndex(jieba);
  let entries = new Map<string, TEntryState>();
  const matters = new Map<string, number>();
  const normalisedMatters = new Map<string, string>();
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
    const units = docs.length > 1 ? new Set(docs.flatMap((d) => index.docs[d]!.units)) : new Set<string>();
    entries.set(entry.id, { entry: { ...entry, similar: [...(entry.similar ?? [])] }, docs, units });
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
      let nm = normalisedMatters.get(m);
      if (nm === undefined) normalisedMatters.set(m, (nm = basicNormalise(m).replace(/\s+/g, '')));
      if (nm && text.includes(nm)) return true;
    }
    return false;
  }

  function match(query: string, opts: TMatchOptions = {}): TMatchResult {
    const limit = Math.max(1, Math.min(opts.limit ?? 10, 50));
    const raw = typeof query === 'string' ? query : String(query ?? '');
    const kind = detectSmallTalk(basicNormalise(raw));
    const normalised = normaliser.normalise(raw);
    const empty: TMatchResult = {
      decision: 'none',
      confidence: 0,
      candidates: [],
      suggestions: [],
      normalised,
      ...(kind ? { kind } : {}),
    };
    if (kind || entries.size === 0) return empty;
    const tokens = tokenise(jieba, normalised);
    if (tokens.units.length === 0) return empty;
    const units = tokens.units.slice(0, MAX_QUERY_UNITS);
    const words = tokens.words.slice(0, MAX_QUERY_UNITS);

    ensureCapacity();
    const touched: number[] = [];
    index.words.score(words, 1, acc, touched, seen);
    index.uni.score(units, 1, acc, touched, seen);
    index.bi.score(ngrams(units, 2), 1, acc, touched, seen);

    let previousMatter = opts.previousMatter ?? null;
    if (!previousMatter && opts.previousEntryId)
      previousMatter = entries.get(opts.previousEntryId)?.entry.matter ?? null;
    const contextMatter = previousMatter && !mentionsMatter(normalised) ? previousMatter : null;

    // First stage: best questions by fused BM25 (three fields, each ≈1 for full coverage).
    for (const d of touched) {
      let s = acc[d] / 3;
      if (contextMatter && entries.get(index.docs[d]!.entry)?.entry.matter === contextMatter) s += CONTEXT_BOOST;
      acc[d] = s;
    }
    const firstStage = topK(touched, acc, FIRST_STAGE);
    const perEntry = new Map<string, TRerankInput>();
    for (const d of firstStage) {
      const doc = index.docs[d]!;
      if (perEntry.size >= RERANK && !perEntry.has(doc.entry)) continue;
      const st = entries.get(doc.entry)!;
      const boost = contextMatter && st.entry.matter === contextMatter ? CONTEXT_BOOST : 0;
      // the rerank score is on a larger scale than the first stage: scale the boost with it
      const prev = perEntry.get(doc.entry);
      if (!prev)
        perEntry.set(doc.entry, {
          entryId: doc.entry,
          entryUnits: st.units,
          docs: [{ doc, stage1: acc[d] - boost }],
          boost: boost * RERANK_SCALE,
        });
      else prev.docs.push({ doc, stage1: acc[d] - boost });
    }
    for (const d of touched) {
      acc[d] = 0;
      seen[d] = 0;
    }

    const ranked = rerank(units, [...perEntry.values()], (u) => index.uni.idf(u));
    const candidates: TCandidate[] = ranked.slice(0, limit).map((r) => ({
      id: r.entryId,
      score: r.score,
      matter: entries.get(r.entryId)!.entry.matter ?? null,
      matchedQuestion: r.doc.text,
    }));
    const top = ranked[0];
    const confidence = confidenceOf(top, ranked[1]?.score ?? 0);
    const { decision, suggestions } = decide(confidence, top, candidates);
    return { decision, confidence, candidates, suggestions, normalised };
  }

  return {
    build(list) {
      index = new QuestionIndex(jieba);
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
