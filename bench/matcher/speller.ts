/* Research harness (not shipped): the KB speller, A4 in docs/benchmarks.md. */

/**
 * Typo and homophone repair learned from the KB's own wording: a character of the
 * question whose two neighbouring pairs never occur in the KB (e.g. 借贝怎么 → 借呗怎么,
 * 许可正怎么 → 许可证怎么) is replaced by the character that the KB most often puts
 * between the same two neighbours. No pinyin table needed, and it adapts to each
 * bureau's own terms as they are published.
 */
export class ContextSpeller {
  /** "left+right" → middle character → count of KB trigrams. */
  private readonly middles = new Map<string, Map<string, number>>();

  add(units: readonly string[]): void {
    this.update(units, 1);
  }

  remove(units: readonly string[]): void {
    this.update(units, -1);
  }

  private update(units: readonly string[], delta: number): void {
    for (let i = 1; i + 1 < units.length; i++) {
      const key = units[i - 1] + '\u0001' + units[i + 1];
      let m = this.middles.get(key);
      if (!m) {
        if (delta < 0) continue;
        m = new Map();
        this.middles.set(key, m);
      }
      const n = (m.get(units[i]) ?? 0) + delta;
      if (n > 0) m.set(units[i], n);
      else m.delete(units[i]);
      if (m.size === 0) this.middles.delete(key);
    }
  }

  /**
   * Returns `units` with unknown characters repaired. `known(bigram)` tells whether a
   * pair of units occurs in the KB.
   */
  correct(units: readonly string[], known: (bigram: string) => boolean, minCount = 2): string[] {
    const out = [...units];
    for (let i = 1; i + 1 < out.length; i++) {
      const c = out[i];
      if (c.length !== 1 || known(out[i - 1] + c) || known(c + out[i + 1])) continue;
      const m = this.middles.get(out[i - 1] + '\u0001' + out[i + 1]);
      if (!m) continue;
      let best = '';
      let bestN = 0;
      for (const [mid, n] of m) if (n > bestN) [best, bestN] = [mid, n];
      if (bestN >= minCount && best !== c) out[i] = best;
    }
    return out;
  }
}
