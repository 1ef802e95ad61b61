import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

let defaultJieba: Jieba | undefined;

/**
 * Returns a jieba segmenter with its shipped dictionary plus the bureau's own terms
 * (lines "term freq tag", e.g. "取水许可证 20000 n"), so matter names stay one word.
 */
export function createSegmenter(userDictionary: readonly string[] = []): Jieba {
  const lines = userDictionary.map((l) => l.trim()).filter(Boolean);
  if (lines.length === 0) {
    defaultJieba ??= Jieba.withDict(dict);
    return defaultJieba;
  }
  const j = Jieba.withDict(dict);
  const normalised = lines.map((l) => {
    const [term, freq, tag] = l.split(/\s+/);
    return [term, freq && /^\d+$/.test(freq) ? freq : '20000', tag ?? 'n'].join(' ');
  });
  j.loadDict(Buffer.from(normalised.join('\n') + '\n', 'utf8'));
  return j;
}

/** Words that carry no topic on their own; kept in the text but dropped as word tokens. */
const STOP_WORDS = new Set(
  '的 了 吗 呢 吧 啊 呀 哦 么 嘛 是 我 你 您 他 她 它 我们 你们 在 有 和 与 及 或 也 都 就 要 会 能 可以 一下 一个 这个 那个 这 那 个 请 请问 怎么 怎样 如何 什么 为什么 哪 哪里 哪些 多少 吗 啦 嗯 呃'.split(
    ' ',
  ),
);

export interface TTokens {
  /** jieba search-mode words (stop words removed). */
  words: string[];
  /** Matching units: each Han character, and each run of latin letters/digits. */
  units: string[];
}

const UNIT_RE = /\p{Script=Han}|[a-z]+|[0-9]+|[\p{L}\p{N}]/gu;

/** Cuts normalised text into the token streams the index uses. */
export function tokenise(jieba: Jieba, normalised: string): TTokens {
  const units = normalised.match(UNIT_RE) ?? [];
  if (units.length === 0) return { words: [], units: [] };
  const words: string[] = [];
  for (const w of jieba.cutForSearch(normalised, true)) {
    const t = w.trim();
    if (t && !STOP_WORDS.has(t)) words.push(t);
  }
  return { words, units };
}

/** Character n-grams over matching units (n ≥ 1). */
export function ngrams(units: readonly string[], n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i + n <= units.length; i++) out.push(n === 1 ? units[i] : units.slice(i, i + n).join(''));
  return out;
}
