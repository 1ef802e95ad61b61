/** A forbidden phrase (禁语) and the wording staff should use instead. */
export interface ForbiddenPhrase {
  phrase: string;
  suggestion: string;
}

/**
 * The form messages and phrases are compared in: full-width letters, digits and punctuation
 * become half-width (NFKC), letters lower-case, and every space (also the ideographic one) and
 * zero-width character is dropped, so "不 知 道" and "不\u3000知道" are caught like "不知道".
 */
export function normaliseForCheck(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u200b-\u200d\u2060\ufeff]+/gu, '');
}

/**
 * The forbidden phrases inside a staff message, each once, in list order. Where one phrase lies
 * inside a longer one found at the same place ("没办法" in "我也没办法"), only the longer is named.
 */
export function findForbiddenPhrases(phrases: readonly ForbiddenPhrase[], text: string): ForbiddenPhrase[] {
  const message = normaliseForCheck(text);
  if (!message) return [];
  const candidates = phrases
    .map((p, order) => ({ p, order, key: normaliseForCheck(p.phrase) }))
    .filter((c) => c.key.length > 0)
    .sort((a, b) => b.key.length - a.key.length);
  const covered: [number, number][] = [];
  const found: typeof candidates = [];
  for (const c of candidates) {
    let hit = false;
    for (let at = message.indexOf(c.key); at >= 0; at = message.indexOf(c.key, at + 1)) {
      const end = at + c.key.length;
      if (covered.some(([s, e]) => at >= s && end <= e)) continue;
      covered.push([at, end]);
      hit = true;
    }
    if (hit) found.push(c);
  }
  return found.sort((a, b) => a.order - b.order).map((c) => c.p);
}
