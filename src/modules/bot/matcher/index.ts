import { barFor, confidenceOf, decide } from './decide.js';
import { basicNormalise, createNormaliser } from './normalise.js';
import { QuestionIndex } from './question-index.js';
import { rerank, RERANK_SCALE, type TRerankInput } from './rerank.js';
import { topK } from './top-k.js';
import { detectSmallTalk } from './smalltalk.js';
import { detectHumanRequest, detectOutOfScope } from './scope.js';
import { createSegmenter, ngrams, tokenise } from './tokenise.js';
import type { TCandidate, TMatcher, TMatcherEntry, TMatcherOptions, TMatchOptions, TMatchResult } from './types.js';

export type * from './types.js';
export { createNormaliser } from './normalise.js';
export { detectSmallTalk, type TSmallTalkKind } from './smalltalk.js';
export {
  DEFAULT_THRESHOLDS,
  decideTurn,
  MAX_SUGGESTIONS,
  routeTurn,
  type TRoutedTurn,
  type TTurnDecision,
} from './decide.js';
export { detectHumanRequest, detectOutOfScope } from './scope.js';

/** How many questions survive the first stage, and how many entries get reranked. */
const FIRST_STAGE = 60;
const RERANK = 20;
/**
 * Boost for entries of the previous turn's matter when the question names none ("那要什么材料"),
 * on the first-stage scale (a full match ≈ 1).
 */
const CONTEXT_BOOST = 0.3;

const MAX_QUERY_UNITS = 128;

/**
 * In a KB sorted into matters, a word found in more than this share of the matters (办理, 材料,
 * 多久) names no topic: a question made only of such words ("怎么办理") is never answered
 * directly, only offered choices (docs/benchmarks.md, B6).
 */
const TOPIC_WORD_SHARE = 0.25;
/** Confidence of a question naming no topic: just under the answer bar. */
const VAGUE_CONFIDENCE = 0.475;

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
  /** The bureau's own terms (first column of the dictionary lines), normalised. */
  const domainTerms = (options.dictionary ?? [])
    .map((l) => basicNormalise(l.trim().split(/\s+/)[0] ?? '').replace(/\s+/g, ''))
    .filter((t) => t.length >= 2);
  const domainSet = new Set(domainTerms);
  /** All the KB's questions in one string (built on first need after a change), and answers per term. */
  let kbText: string | null = null;
  const inKbCache = new Map<string, boolean>();
  /** Whether any question of the KB contains a term. */
  function inKb(term: string): boolean {
    let v = inKbCache.get(term);
    if (v === undefined) {
      kbText ??= index.docs.map((d) => (d ? d.text.replace(/\s+/g, '') : '')).join('\n');
      inKbCache.set(term, (v = kbText.includes(term)));
    }
    return v;
  }
  const matters = new Map<string, number>();
  /** Entries with at least one similar question (chooses the answer bar: barFor). */
  let withSimilar = 0;
  /** Word counts of all questions of each matter (key: matter, or "#id" for an entry without one). */
  const matterWords = new Map<string, Map<string, number>>();
  /** In how many of those groups each word occurs (a word in most of them names no topic). */
  const groupsOf = new Map<string, number>();
  const normalisedMatters = new Map<string, string>();
  let acc = new Float64Array(0);
  let seen = new Uint8Array(0);

  const wordKey = (e: TMatcherEntry) => (e.matter ? e.matter : `#${e.id}`);

  function addWords(e: TMatcherEntry, docs: readonly number[], delta: number): void {
    const key = wordKey(e);
    let m = matterWords.get(key);
    if (!m) matterWords.set(key, (m = new Map()));
    for (const d of docs)
      for (const w of new Set(index.docs[d]!.words)) {
        const before = m.get(w) ?? 0;
        const n = before + delta;
        if (n <= 0) m.delete(w);
        else m.set(w, n);
        if (before > 0 !== n > 0) {
          const g = (groupsOf.get(w) ?? 0) + (n > 0 ? 1 : -1);
          if (g <= 0) groupsOf.delete(w);
          else groupsOf.set(w, g);
        }
      }
    if (m.size === 0) matterWords.delete(key);
  }

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
    addWords(entry, docs, 1);
    if (docs.length > 1) withSimilar++;
    inKbCache.clear();
    kbText = null;
  }

  function removeEntry(id: string): boolean {
    const st = entries.get(id);
    if (!st) return false;
    addWords(st.entry, st.docs, -1);
    if (st.docs.length > 1) withSimilar--;
    inKbCache.clear();
    kbText = null;
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

  /** Whether a word belongs to few enough matters to name a topic. */
  function isTopicWord(w: string): boolean {
    const g = groupsOf.get(w) ?? 0;
    return g > 0 && g <= matterWords.size * TOPIC_WORD_SHARE;
  }
  /** Whether one of the question's words names a topic. */
  function namesATopic(words: readonly string[]): boolean {
    return words.some(isTopicWord);
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
    // Context helps a follow-up that names no topic ("那要什么材料"); a question that names one
    // ("取水许可新办需要什么材料") stands on its own, whatever was asked before.
    const contextMatter = previousMatter && !mentionsMatter(normalised) && !namesATopic(words) ? previousMatter : null;

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
          matterWords: matters.size > 0 ? matterWords.get(wordKey(st.entry)) : undefined,
        });
      else prev.docs.push({ doc, stage1: acc[d] - boost });
    }
    for (const d of touched) {
      acc[d] = 0;
      seen[d] = 0;
    }

    const ranked = rerank(
      units,
      [...perEntry.values()],
      (u) => index.uni.idf(u),
      words,
      (w) => index.words.idf(w),
      matters.size > 0 ? [...new Set(words.filter((w) => domainSet.has(w)))] : undefined,
    );
    const candidates: TCandidate[] = ranked.slice(0, limit).map((r) => ({
      id: r.entryId,
      score: r.score,
      matter: entries.get(r.entryId)!.entry.matter ?? null,
      matchedQuestion: r.doc.text,
    }));
    const top = ranked[0];
    let confidence = confidenceOf(top, ranked[1]?.score ?? 0, barFor(entries.size, withSimilar));
    if (matters.size > 0 && !namesATopic(words)) confidence = Math.min(confidence, VAGUE_CONFIDENCE);
    // a request for a person, or another authority's business: no answer, no suggestion (the
    // candidates stay in the result, for the logs)
    if (detectHumanRequest(basicNormalise(raw)))
      return { decision: 'none', confidence, candidates, suggestions: [], normalised, route: 'human' };
    if (detectOutOfScope(normalised, domainTerms, inKb))
      return { decision: 'none', confidence, candidates, suggestions: [], normalised, route: 'out_of_scope' };
    const { decision, suggestions } = decide(confidence, top, candidates);
    return { decision, confidence, candidates, suggestions, normalised };
  }

  return {
    build(list) {
      index = new QuestionIndex(jieba);
      entries = new Map();
      matters.clear();
      matterWords.clear();
      groupsOf.clear();
      withSimilar = 0;
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
