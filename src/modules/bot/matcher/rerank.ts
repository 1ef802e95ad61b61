import type { TDoc } from './question-index.js';
import { weightedCoverage } from './similarity.js';

export interface TRerankInput {
  entryId: string;
  /** All characters of all the entry's questions (standard and similar). */
  entryUnits: ReadonlySet<string>;
  docs: { doc: TDoc; stage1: number }[];
  /** Context boost (previous turn's matter), already on the rerank scale. */
  boost: number;
  /**
   * Words of every question of the entry's matter (or of the entry alone when it has no matter),
   * when the KB sorts its entries into matters; absent otherwise.
   */
  matterWords?: ReadonlyMap<string, number>;
}

export interface TRanked {
  entryId: string;
  score: number;
  doc: TDoc;
  coverQuery: number;
  coverDoc: number;
  /** Like coverQuery, over the characters of all the entry's questions together. */
  coverEntry: number;
  /** The matter-word part of `score` (0 when the KB has no matters). */
  bonus: number;
}

/**
 * Weight of the first-stage score in the rerank. With unit weights for the two coverages the
 * first stage (≈1 for a full match) and the coverages weigh the same; the weights were chosen
 * a priori, not fitted (fitted ones gained 1–1.5 points on research data: docs/benchmarks.md, A2/A7).
 */
export const RERANK_STAGE1 = 3;
/** Largest rerank score before the boost: stage 1 (≈1) × its weight + the two coverages (≤1 each). */
export const RERANK_SCALE = RERANK_STAGE1 + 2;

/**
 * Weight of the matter-word coverage (idf-weighted share of the citizen's words found in the
 * entry's matter): which of the KB's matters the question is about, before which entry. Only KBs
 * whose entries carry a matter use it. 1: as much as one character coverage (docs/benchmarks.md, B2).
 */
export const RERANK_MATTER = 1;

/**
 * Weight of the share of the citizen's domain terms (the bureau's dictionary: 排水许可证, 海域使用权
 * …) found in the entry's matter: 排水证续期 must not land on the 取水 renewal one character away
 * (docs/benchmarks.md, B8).
 */
export const RERANK_DOMAIN = 0.5;

/**
 * Second stage: rescores each surviving entry by its best question: the first-stage BM25 score
 * plus the idf-weighted share of the question's characters found in the KB question and the same
 * the other way round. An entry's score is the best of its questions.
 */
export function rerank(
  units: readonly string[],
  inputs: readonly TRerankInput[],
  charIdf: (unit: string) => number,
  words: readonly string[] = [],
  wordIdf: (word: string) => number = () => 1,
  domainWords?: readonly string[],
): TRanked[] {
  const wIdf = new Map<string, number>();
  for (const w of words) if (!wIdf.has(w)) wIdf.set(w, wordIdf(w));
  let wMass = 0;
  for (const v of wIdf.values()) wMass += v;
  const idf = new Map<string, number>();
  const idfC = (t: string) => {
    let v = idf.get(t);
    if (v === undefined) idf.set(t, (v = charIdf(t)));
    return v;
  };
  const qUnitSet = new Set(units);
  const out: TRanked[] = [];
  for (const inp of inputs) {
    let matterBonus = 0;
    if (inp.matterWords && wMass > 0) {
      let found = 0;
      for (const [w, v] of wIdf) if (inp.matterWords.has(w)) found += v;
      matterBonus = (RERANK_MATTER * found) / wMass;
      if (domainWords && domainWords.length) {
        let hit = 0;
        for (const w of domainWords) if (inp.matterWords.has(w)) hit++;
        matterBonus += (RERANK_DOMAIN * hit) / domainWords.length;
      }
    }
    let best: TRanked | undefined;
    for (const { doc, stage1 } of inp.docs) {
      doc.unitSet ??= new Set(doc.units);
      const coverQuery = weightedCoverage(units, doc.unitSet, idfC);
      const coverDoc = weightedCoverage(doc.units, qUnitSet, idfC);
      const score = RERANK_STAGE1 * stage1 + coverQuery + coverDoc + matterBonus + inp.boost;
      if (!best || score > best.score)
        best = { entryId: inp.entryId, score, doc, coverQuery, coverDoc, coverEntry: coverQuery, bonus: matterBonus };
    }
    if (best) {
      // how much of the citizen's question the entry explains, over all its phrasings
      best.coverEntry =
        inp.entryUnits.size > 0
          ? Math.max(best.coverQuery, weightedCoverage(units, inp.entryUnits, idfC))
          : best.coverQuery;
      out.push(best);
    }
  }
  out.sort((a, b) => b.score - a.score);
  return out;
}
