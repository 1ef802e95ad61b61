export type TSmallTalkKind = 'greeting' | 'thanks' | 'bye';

const PATTERNS: ReadonlyArray<readonly [TSmallTalkKind, RegExp]> = [
  ['thanks', /^(非常|十分|太)?(谢谢|多谢|感谢|谢啦|谢了|thanks?|thankyou|thx|3q)(你|您|侬|小申|啦|了|哈|呀|啊|哦)*$/],
  [
    'bye',
    /^(好的?|嗯|那)?(再见|拜拜|拜|bye|byebye|goodbye|回头见|下次见|先这样|没有了|没别的了|没事了)(了|啦|吧|哈|呀|啊)*$/,
  ],
  [
    'greeting',
    /^(你好|您好|侬好|哈喽|hello|hi|hey|嗨|在吗|在不在|有人吗|早上好|上午好|中午好|下午好|晚上好|早|小申)(啊|呀|哈|吗|呢|小申|你好|您好)*$/,
  ],
];

/**
 * Recognises greetings, thanks and goodbyes so the bot can answer them politely instead
 * of searching the FAQ. Only whole-utterance small talk counts: "你好，取水许可怎么办"
 * is a question, not a greeting.
 */
export function detectSmallTalk(normalised: string): TSmallTalkKind | undefined {
  const t = normalised.replace(/\s+/g, '');
  if (t.length === 0 || t.length > 20) return undefined;
  for (const [kind, re] of PATTERNS) if (re.test(t)) return kind;
  return undefined;
}
