import { dice, editDistance, lcsLength, weightedCoverage } from '../../src/modules/bot/matcher/similarity.js';
import type { ResearchQuestionIndex, TDoc } from './question-index.js';
import type { TWeights } from './types.js';

export interface TRerankInput {
  entryId: string;
  /** All characters of all the entry's questions (standard and similar). */
  entryUnits: ReadonlySet<string>;
  docs: { doc: TDoc; stage1: number }[];
  boost: number;
}

export interface TQueryView {
  units: string[];
  words: string[];
  bigrams: string[];
  trigrams: string[];
  text: string;
}

export interface TRanked {
  entryId: string;
  score: number;
  doc: TDoc;
  coverQuery: number;
  coverDoc: number;
  /** Like coverQuery, over the characters of all the entry's questions together. */
  coverEntry: number;
  features?: Record<string, number>;
}

/**
 * Research harness (not shipped): the product's rerank with every feature tried (the product
 * keeps only the first stage and the two character coverages).
 *
 * Second stage: rescores each surviving entry by its best question using character-level
 * features (LCS, bigram overlap, idf-weighted coverage in both directions) on top of the
 * first-stage BM25 score. An entry's score is the best of its questions.
 */
export function rerank(
  q: TQueryView,
  inputs: readonly TRerankInput[],
  index: ResearchQuestionIndex,
  w: TWeights,
  debug: boolean,
): TRanked[] {
  const wordIdf = new Map<string, number>();
  const charIdf = new Map<string, number>();
  const idfW = (t: string) => {
    let v = wordIdf.get(t);
    if (v === undefined) wordIdf.set(t, (v = index.words.idf(t)));
    return v;
  };
  const idfC = (t: string) => {
    let v = charIdf.get(t);
    if (v === undefined) charIdf.set(t, (v = index.uni.idf(t)));
    return v;
  };
  const qWordSet = new Set(q.words);

  const qUnitSet = new Set(q.units);
  const out: TRanked[] = [];
  for (const inp of inputs) {
    let best: TRanked | undefined;
    for (const { doc, stage1 } of inp.docs) {
      const all = debug;
      const lcs = all || w.rLcsQ || w.rLcsD ? lcsLength(q.units, doc.units) : 0;
      doc.unitSet ??= new Set(doc.units);
      const f = {
        stage1,
        lcsQ: q.units.length ? lcs / q.units.length : 0,
        lcsD: doc.units.length ? lcs / doc.units.length : 0,
        dice: all || w.rDice ? dice(q.bigrams, doc.bigrams) : 0,
        covQ: all || w.rCovQ ? weightedCoverage(q.words, new Set(doc.words), idfW) : 0,
        covD: all || w.rCovD ? weightedCoverage(doc.words, qWordSet, idfW) : 0,
        charCovQ: weightedCoverage(q.units, doc.unitSet, idfC),
        charCovD: weightedCoverage(doc.units, qUnitSet, idfC),
        ...(debug
          ? {
              fW: index.words.scoreDoc(q.words, doc.id),
              fU: index.uni.scoreDoc(q.units, doc.id),
              fB: index.bi.scoreDoc(q.bigrams, doc.id),
              fT: index.tri.scoreDoc(q.trigrams, doc.id),
              edit: 1 - editDistance(q.units, doc.units) / Math.max(1, q.units.length, doc.units.length),
              lenRatio: Math.min(q.units.length, doc.units.length) / Math.max(1, q.units.length, doc.units.length),
            }
          : {}),
      };
      const score =
        w.rStage1 * f.stage1 +
        w.rLcsQ * f.lcsQ +
        w.rLcsD * f.lcsD +
        w.rDice * f.dice +
        w.rCovQ * f.covQ +
        w.rCovD * f.covD +
        w.rCharCovQ * f.charCovQ +
        w.rCharCovD * f.charCovD +
        inp.boost;
      if (!best || score > best.score)
        best = {
          entryId: inp.entryId,
          score,
          doc,
          coverQuery: f.charCovQ,
          coverDoc: f.charCovD,
          coverEntry: f.charCovQ,
          ...(debug ? { features: f } : {}),
        };
    }
    if (best) {
      // how much of the citizen's question the entry explains, over all its phrasings
      best.coverEntry =
        inp.entryUnits.size > 0
          ? Math.max(best.coverQuery, weightedCoverage(q.units, inp.entryUnits, idfC))
          : best.coverQuery;
      out.push(best);
    }
  }
  out.sort((a, b) => b.score - a.score);
  return out;
}
