import {
  confidenceOf,
  decide,
  DEFAULT_BAR,
  DEFAULT_THRESHOLDS,
  rawConfidence,
  type TAnswerBar,
} from '../../src/modules/bot/matcher/decide.js';
import { basicNormalise, createNormaliser } from '../../src/modules/bot/matcher/normalise.js';
import { topK } from '../../src/modules/bot/matcher/top-k.js';
import { detectSmallTalk } from '../../src/modules/bot/matcher/smalltalk.js';
import { createSegmenter, ngrams, tokenise } from '../../src/modules/bot/matcher/tokenise.js';
import type { TMatcherEntry } from '../../src/modules/bot/matcher/types.js';
import { chooseCalibration, MIN_SAMPLES, type TCalibrationSample } from './calibrate.js';
import { generalPrior } from './general-idf.js';
import { ResearchQuestionIndex } from './question-index.js';
import { rerank, type TRanked, type TRerankInput } from './rerank.js';
import type {
  TResearchCandidate,
  TResearchMatcher,
  TResearchMatchOptions,
  TResearchMatchResult,
  TResearchOptions,
  TWeights,
} from './types.js';

export type * from './types.js';

/**
 * Research harness (not shipped): the product matcher (src/modules/bot/matcher) with every
 * option tried on the dev sets — first-stage field weights incl. trigrams, BM25 parameters, rerank
 * features the product leaves at weight 0 (LCS, Dice, word coverage), KB speller, general idf,
 * pool sizes, per-KB calibration, feature dumps. With no options it scores exactly as the product.
 *
 * Unit weights, chosen a priori and not fitted to any data set: the first stage is the
 * classic fusion of jieba words with character uni- and bigrams (each field scaled to
 * ≈1 when the question is fully covered), and the rerank adds the idf-weighted share of
 * characters covered in each direction. Weights fitted on public research data gained
 * only 1–1.5 points and may not ship (docs/benchmarks.md).
 */
export const DEFAULT_WEIGHTS: TWeights = {
  words: 1,
  uni: 1,
  bi: 1,
  tri: 0,
  rStage1: 3,
  rLcsQ: 0,
  rLcsD: 0,
  rDice: 0,
  rCovQ: 0,
  rCovD: 0,
  rCharCovQ: 1,
  rCharCovD: 1,
  context: 0.3,
};

/** How many questions survive the first stage, and how many entries get reranked. */
const FIRST_STAGE = 60;
const RERANK = 20;

const MAX_QUERY_UNITS = 128;
/** Similar questions asked (each left out) to set a KB's own answer bar at build time. */
const CALIBRATION_SAMPLE = 400;

interface TEntryState {
  entry: TMatcherEntry;
  docs: number[];
  /** Characters of all the entry's questions (only kept when it has several). */
  units: ReadonlySet<string>;
}

/** The research matcher (see DEFAULT_WEIGHTS above). */
export function createResearchMatcher(options: TResearchOptions = {}): TResearchMatcher {
  const weights: TWeights = { ...DEFAULT_WEIGHTS, ...options.weights };
  const thresholds = { ...DEFAULT_THRESHOLDS, ...options.thresholds };
  const rerankScale =
    weights.rStage1 +
    weights.rLcsQ +
    weights.rLcsD +
    weights.rDice +
    weights.rCovQ +
    weights.rCovD +
    weights.rCharCovQ +
    weights.rCharCovD;
  const normaliser = createNormaliser({ synonyms: options.synonyms, corrections: options.corrections });
  const jieba = createSegmenter(options.dictionary);
  const newIndex = () =>
    new ResearchQuestionIndex(jieba, {
      bm25: options.bm25,
      spelling: options.spelling === true,
      prior: options.generalIdf === true ? generalPrior : undefined,
      trigrams: weights.tri !== 0,
    });
  let index = newIndex();
  let entries = new Map<string, TEntryState>();
  const matters = new Map<string, number>();
  const normalisedMatters = new Map<string, string>();
  let calibration: TAnswerBar = DEFAULT_BAR;
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

  function match(query: string, opts: TResearchMatchOptions = {}): TResearchMatchResult {
    return matchExcluding(query, opts, -1).result;
  }

  /** `match`, with one indexed question left out (for the KB's own calibration). */
  function matchExcluding(
    query: string,
    opts: TResearchMatchOptions,
    excludeDoc: number,
  ): { result: TResearchMatchResult; ranked: TRanked[] } {
    const limit = Math.max(1, Math.min(opts.limit ?? 10, 50));
    const raw = typeof query === 'string' ? query : String(query ?? '');
    const kind = detectSmallTalk(basicNormalise(raw));
    const normalised = normaliser.normalise(raw);
    const empty: TResearchMatchResult = {
      decision: 'none',
      confidence: 0,
      candidates: [],
      suggestions: [],
      normalised,
      ...(kind ? { kind } : {}),
    };
    if (kind || entries.size === 0) return { result: empty, ranked: [] };
    const tokens = tokenise(jieba, normalised);
    if (tokens.units.length === 0) return { result: empty, ranked: [] };
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
    const trigrams = ngrams(units, 3);
    if (weights.words) index.words.score(words, weights.words, acc, touched, seen);
    if (weights.uni) index.uni.score(units, weights.uni, acc, touched, seen);
    if (weights.bi) index.bi.score(bigrams, weights.bi, acc, touched, seen);
    if (weights.tri) index.tri.score(trigrams, weights.tri, acc, touched, seen);

    let previousMatter = opts.previousMatter ?? null;
    if (!previousMatter && opts.previousEntryId)
      previousMatter = entries.get(opts.previousEntryId)?.entry.matter ?? null;
    const contextMatter = previousMatter && !mentionsMatter(normalised) ? previousMatter : null;
    const total = weights.words + weights.uni + weights.bi + weights.tri;

    // First stage: best questions by fused BM25 (each field scaled to ≈1 for full coverage).
    for (const d of touched) {
      let s = acc[d] / total;
      if (contextMatter && entries.get(index.docs[d]!.entry)?.entry.matter === contextMatter) s += weights.context;
      acc[d] = s;
    }
    const firstStage = topK(touched, acc, options.pool?.firstStage ?? FIRST_STAGE);
    const perEntry = new Map<string, TRerankInput>();
    for (const d of firstStage) {
      if (d === excludeDoc) continue;
      const doc = index.docs[d]!;
      if (perEntry.size >= (options.pool?.rerank ?? RERANK) && !perEntry.has(doc.entry)) continue;
      const st = entries.get(doc.entry)!;
      const boost = contextMatter && st.entry.matter === contextMatter ? weights.context : 0;
      // the rerank score is on a larger scale than the first stage: scale the boost with it
      const prev = perEntry.get(doc.entry);
      if (!prev)
        perEntry.set(doc.entry, {
          entryId: doc.entry,
          entryUnits: st.units,
          docs: [{ doc, stage1: acc[d] - boost }],
          boost: boost * rerankScale,
        });
      else prev.docs.push({ doc, stage1: acc[d] - boost });
    }
    for (const d of touched) {
      acc[d] = 0;
      seen[d] = 0;
    }

    const ranked = rerank(
      { units, words, bigrams, trigrams, text: normalised },
      [...perEntry.values()],
      index,
      weights,
      opts.debug === true,
    );
    const candidates: TResearchCandidate[] = ranked.slice(0, limit).map((r) => {
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
    const confidence = confidenceOf(top, ranked[1]?.score ?? 0, calibration);
    const { decision, suggestions } = decide(confidence, top, candidates, thresholds);
    return { result: { decision, confidence, candidates, suggestions, normalised }, ranked };
  }

  /** Asks a sample of the KB's similar questions with each left out, to set the KB's bar. */
  function calibrate(): void {
    calibration = DEFAULT_BAR;
    if (options.calibrate !== true) return;
    const withSimilar = [...entries.values()].filter((st) => st.docs.length >= 2);
    if (withSimilar.length < MIN_SAMPLES) return;
    const step = Math.max(1, Math.floor(withSimilar.length / CALIBRATION_SAMPLE));
    const samples: TCalibrationSample[] = [];
    for (let i = 0; i < withSimilar.length && samples.length < CALIBRATION_SAMPLE; i += step) {
      const st = withSimilar[i];
      const held = st.docs[st.docs.length - 1];
      const { ranked } = matchExcluding(index.docs[held]!.text, {}, held);
      const top = ranked[0];
      if (!top) continue;
      samples.push({
        raw: rawConfidence(top, ranked[1]?.score ?? 0),
        cover: Math.min(top.coverEntry, top.coverDoc),
        correct: top.entryId === st.entry.id,
      });
    }
    calibration = chooseCalibration(samples);
  }

  return {
    build(list) {
      index = newIndex();
      entries = new Map();
      matters.clear();
      for (const e of list) {
        if (entries.has(e.id)) removeEntry(e.id);
        insert(e);
      }
      ensureCapacity();
      calibrate();
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
    get calibration() {
      return calibration;
    },
    match,
  };
}
