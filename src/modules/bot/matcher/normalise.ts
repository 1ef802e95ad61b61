import { toSimplified } from './trad-simp.js';

/**
 * Colloquial, Shanghainese and net-slang spellings mapped to the standard words the
 * FAQ is written in (侬=你, 啥=什么, 哪能=怎么, 咋办=怎么办 …). Longest match wins.
 */
export const COLLOQUIAL: ReadonlyArray<readonly [string, string]> = [
  ['哪能办', '怎么办'],
  ['哪能', '怎么'],
  ['咋办', '怎么办'],
  ['咋整', '怎么办'],
  ['咋弄', '怎么弄'],
  ['咋样', '怎么样'],
  ['咋', '怎么'],
  ['为啥', '为什么'],
  ['干啥', '干什么'],
  ['啥子', '什么'],
  ['啥', '什么'],
  ['侬', '你'],
  ['阿拉', '我们'],
  ['啥辰光', '什么时候'],
  ['几辰光', '什么时候'],
  ['屋里厢', '家里'],
  ['钞票', '钱'],
  ['晓得', '知道'],
  ['木有', '没有'],
  ['么有', '没有'],
  ['神马', '什么'],
  ['肿么', '怎么'],
  ['怎么样子', '怎么样'],
  ['咋个', '怎么'],
];

/**
 * Built-in corrections of frequent typos and homophones of water-affairs terms
 * (pinyin-input slips such as 许可正 for 许可证). Deliberately phrase-level so that a
 * correct use of the same character elsewhere is never touched.
 */
export const DOMAIN_CORRECTIONS: ReadonlyArray<readonly [string, string]> = [
  ['许可正', '许可证'],
  ['许可症', '许可证'],
  ['许可政', '许可证'],
  ['许克证', '许可证'],
  ['取水许克', '取水许可'],
  ['排水许克', '排水许可'],
  ['去水许可', '取水许可'],
  ['qu水', '取水'],
  ['娶水许可', '取水许可'],
  ['排税许可', '排水许可'],
  ['海遇使用', '海域使用'],
  ['海玉使用', '海域使用'],
  ['海域实用', '海域使用'],
  ['申清', '申请'],
  ['申情', '申请'],
  ['办里', '办理'],
  ['材科', '材料'],
  ['才料', '材料'],
  ['证名', '证明'],
  ['正明', '证明'],
  ['延需', '延续'],
  ['变根', '变更'],
  ['注消', '注销'],
  ['水资原', '水资源'],
];

/**
 * English words that staff of enterprises mix into a Chinese question (排水license多久能批下来,
 * 取水证要update吗), mapped to the bureau's own words. Whole English words only (fee is not
 * taken out of coffee); phrases first.
 */
export const MIXED_ENGLISH: ReadonlyArray<readonly [string, string]> = [
  ['water bill', '水费'],
  ['tap water', '自来水'],
  ['how long', '多久'],
  ['how much', '多少钱'],
  ['sea area', '海域'],
  ['license', '许可证'],
  ['licence', '许可证'],
  ['permit', '许可证'],
  ['apply', '申请'],
  ['application', '申请'],
  ['renew', '延续'],
  ['renewal', '延续'],
  ['extend', '延续'],
  ['extension', '延续'],
  ['update', '变更'],
  ['change', '变更'],
  ['changed', '变更'],
  ['modify', '变更'],
  ['cancel', '注销'],
  ['deregister', '注销'],
  ['documents', '材料'],
  ['document', '材料'],
  ['docs', '材料'],
  ['materials', '材料'],
  ['company', '公司'],
  ['fee', '费用'],
  ['fees', '费用'],
  ['online', '网上'],
  ['error', '报错'],
  ['upload', '上传'],
  ['meter', '水表'],
  ['bill', '账单'],
  ['approval', '审批'],
  ['approve', '审批'],
  ['deadline', '期限'],
  ['drainage', '排水'],
  ['sewage', '污水'],
  ['flood', '防汛'],
];

/** Replaces whole English words (and phrases of them) by the pairs' Chinese; case already folded. */
export function createEnglishReplacer(pairs: ReadonlyArray<readonly [string, string]>): (text: string) => string {
  if (!pairs.length) return (t) => t;
  const map = new Map(pairs.map(([en, zh]) => [en.toLowerCase(), zh]));
  const words = [...map.keys()].sort((a, b) => b.length - a.length).map((w) => w.replace(/\s+/g, '\\s+'));
  const re = new RegExp(`(?<![a-z])(?:${words.join('|')})(?![a-z])`, 'g');
  return (text) => (/[a-z]/.test(text) ? text.replace(re, (m) => map.get(m.replace(/\s+/g, ' '))!) : text);
}

/**
 * Polite openings and closings that carry no meaning for matching (请问, 我想问一下,
 * 你好, 麻烦问下, 咨询一下 …). Removed only at the start or end of the question so that
 * the same characters inside a real question are kept.
 */
export const LEADING_FILLERS: readonly string[] = [
  '你好',
  '您好',
  '小申',
  '在吗',
  '在不在',
  '请问一下',
  '请问下',
  '请问',
  '我想问一下',
  '我想问下',
  '我想问问',
  '想问一下',
  '想问下',
  '想问问',
  '问一下',
  '问下',
  '麻烦问一下',
  '麻烦问下',
  '麻烦你',
  '麻烦您',
  '麻烦',
  '咨询一下',
  '咨询下',
  '我想咨询一下',
  '我想咨询下',
  '我想咨询',
  '我要咨询',
  '请教一下',
  '请教下',
  '打扰一下',
  '打扰了',
  '你好啊',
  '您好啊',
  'hi',
  'hello',
  '哈喽',
  '嗨',
  '老师',
  '同志',
  '工作人员',
  '我想了解一下',
  '想了解一下',
];
export const TRAILING_FILLERS: readonly string[] = [
  '谢谢你',
  '谢谢您',
  '谢谢啦',
  '谢谢了',
  '谢谢',
  '多谢',
  '感谢',
  '麻烦了',
  '麻烦你了',
  '麻烦您了',
  '好吗',
  '好吧',
  '请回答',
  '急',
  '在线等',
];

/**
 * Replaces phrases in one left-to-right pass over the original text, longest match first; the
 * output of a replacement is never looked at again. A pair [w, w] replaces nothing but protects
 * w: inside it no shorter phrase is replaced (with [办, 办理] alone, 办理 would become 办理理).
 */
export function createReplacer(pairs: ReadonlyArray<readonly [string, string]>): (text: string) => string {
  const map = new Map<string, string>();
  let maxLen = 0;
  for (const [from, to] of pairs) {
    if (!from || (from === to && map.has(from))) continue;
    map.set(from, to);
    maxLen = Math.max(maxLen, from.length);
  }
  const firstChars = new Set([...map.keys()].map((k) => k[0]));
  return (text: string) => {
    if (map.size === 0) return text;
    let out = '';
    let i = 0;
    while (i < text.length) {
      const c = text[i];
      if (firstChars.has(c)) {
        let hit = false;
        for (let len = Math.min(maxLen, text.length - i); len >= 1; len--) {
          const rep = map.get(text.slice(i, i + len));
          if (rep !== undefined) {
            out += rep;
            i += len;
            hit = true;
            break;
          }
        }
        if (hit) continue;
      }
      out += c;
      i++;
    }
    return out;
  };
}

/**
 * Turns synonym groups (first word canonical) into replacement pairs: every other word → the
 * canonical word, then the canonical word → itself, so that it is kept whole (in the group
 * 河道 河, 河道 must not become 河道道). A word that another group replaces keeps that replacement.
 */
export function synonymPairs(groups: readonly (readonly string[])[]): [string, string][] {
  const pairs: [string, string][] = [];
  const canonical: string[] = [];
  for (const g of groups) {
    const words = g.map((w) => basicNormalise(w).replace(/\s+/g, '')).filter(Boolean);
    const canon = words[0];
    if (!canon) continue;
    canonical.push(canon);
    for (const w of words.slice(1)) if (w !== canon) pairs.push([w, canon]);
  }
  for (const c of canonical) pairs.push([c, c]);
  return pairs;
}

const TAG_RE = /<[^>]{0,200}>/g;
const NON_WORD_RE = /[^\p{Script=Han}\p{L}\p{N}]+/gu;

/**
 * Character-level clean-up shared by the KB and the citizen's question: full-width to
 * half-width, lower case, traditional to simplified, HTML tags, punctuation and emoji
 * to single spaces.
 */
export function basicNormalise(text: string): string {
  let t = text.length > 1000 ? text.slice(0, 1000) : text;
  t = t.normalize('NFKC').toLowerCase();
  t = toSimplified(t);
  t = t.replace(TAG_RE, ' ').replace(NON_WORD_RE, ' ');
  return t.trim().replace(/\s+/g, ' ');
}

/** Strips polite openings/closings repeatedly; never strips the whole question away. */
export function stripFillers(text: string): string {
  let t = text;
  for (let guard = 0; guard < 6; guard++) {
    const before = t;
    t = t.trimStart();
    for (const f of LEADING_FILLERS)
      if (t.startsWith(f) && t.length > f.length) {
        t = t.slice(f.length);
        break;
      }
    t = t.trimEnd();
    for (const f of TRAILING_FILLERS)
      if (t.endsWith(f) && t.length > f.length) {
        t = t.slice(0, t.length - f.length);
        break;
      }
    if (t === before) break;
  }
  return t.trim();
}

export interface TNormaliser {
  /** Normalised text for matching (fillers stripped, synonyms canonical). */
  normalise(text: string, opts?: { stripFillers?: boolean }): string;
}

/** Builds the full normalisation pipeline with the KB's own synonyms and corrections. */
export function createNormaliser(
  opts: { synonyms?: readonly (readonly string[])[]; corrections?: ReadonlyArray<readonly [string, string]> } = {},
): TNormaliser {
  const colloquial = createReplacer(COLLOQUIAL);
  const english = createEnglishReplacer(MIXED_ENGLISH);
  const corrections = createReplacer([
    ...DOMAIN_CORRECTIONS,
    ...(opts.corrections ?? []).map(([a, b]) => [basicNormalise(a), basicNormalise(b)] as const),
  ]);
  const synonyms = createReplacer(synonymPairs(opts.synonyms ?? []));
  return {
    normalise(text, o = {}) {
      let t = basicNormalise(text);
      t = colloquial(t);
      t = english(t);
      t = corrections(t);
      if (o.stripFillers !== false) t = stripFillers(t);
      t = synonyms(t);
      return t;
    },
  };
}
