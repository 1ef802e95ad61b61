/**
 * Character-level similarity measures used to rerank the few best BM25 candidates:
 * they see word order and near-misses (typos, inserted words) that bags of tokens miss.
 * Inputs are arrays of matching units; long inputs are truncated to keep time bounded.
 */
const MAX = 96;
const row = new Int32Array(MAX + 1);

/** Length of the longest common subsequence. */
export function lcsLength(a: readonly string[], b: readonly string[]): number {
  const n = Math.min(a.length, MAX);
  const m = Math.min(b.length, MAX);
  if (n === 0 || m === 0) return 0;
  row.fill(0, 0, m + 1);
  for (let i = 0; i < n; i++) {
    let prevDiag = 0;
    const ai = a[i];
    for (let j = 1; j <= m; j++) {
      const tmp = row[j];
      if (ai === b[j - 1]) row[j] = prevDiag + 1;
      else if (row[j - 1] > row[j]) row[j] = row[j - 1]!;
      prevDiag = tmp;
    }
  }
  return row[m];
}

/** Length of the longest common contiguous run. */
export function longestCommonRun(a: readonly string[], b: readonly string[]): number {
  const n = Math.min(a.length, MAX);
  const m = Math.min(b.length, MAX);
  let best = 0;
  const prev = new Int32Array(m + 1);
  const cur = new Int32Array(m + 1);
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1] + 1 : 0;
      if (cur[j] > best) best = cur[j]!;
    }
    prev.set(cur);
  }
  return best;
}

/** Levenshtein distance. */
export function editDistance(a: readonly string[], b: readonly string[]): number {
  const n = Math.min(a.length, MAX);
  const m = Math.min(b.length, MAX);
  if (n === 0) return m;
  if (m === 0) return n;
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[m];
}

/** Dice coefficient of two token multisets (as sets). */
export function dice(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const sa = new Set(a);
  const sb = new Set(b);
  let inter = 0;
  for (const t of sa) if (sb.has(t)) inter++;
  return (2 * inter) / (sa.size + sb.size);
}

/** Share of `from`'s weight (e.g. idf) that also appears in `to`. */
export function weightedCoverage(
  from: readonly string[],
  to: ReadonlySet<string>,
  weight: (t: string) => number,
): number {
  let total = 0;
  let hit = 0;
  for (const t of new Set(from)) {
    const w = weight(t);
    total += w;
    if (to.has(t)) hit += w;
  }
  return total === 0 ? 0 : hit / total;
}
