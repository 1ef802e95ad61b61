import type { Bilingual } from '../../platform/errors.js';

/** Polite answers to small talk, in plain spoken Chinese (UX.md). */
export const SMALLTALK_REPLIES: Record<'greeting' | 'thanks' | 'bye', Bilingual> = {
  greeting: {
    zh: '您好，我是小申，上海市水务局的智能客服。请直接输入您想办理或咨询的事情，例如“取水许可证怎么延续”。',
    en: 'Hello, I am Xiaoshen, the Shanghai Water Authority assistant. Type what you want to do or ask, e.g. "How do I renew a water-abstraction permit?"',
  },
  thanks: { zh: '不客气，很高兴能帮到您。还有其他问题可以继续问我。', en: 'You are welcome. Ask me anything else.' },
  bye: { zh: '再见，祝您办事顺利！', en: 'Goodbye, and good luck with your application!' },
};

/** No answer inside live-help hours: rephrase, or a person now. */
export const NO_MATCH_OPEN: Bilingual = {
  zh: '抱歉，小申暂时没有找到这个问题的答案。您可以换个说法再问，也可以转人工客服。',
  en: 'Sorry, I could not find an answer. Try rephrasing, or talk to a person now.',
};

/** No answer outside live-help hours: rephrase, a message for a call back, or the 12345 hotline. */
export const NO_MATCH: Bilingual = {
  zh: '抱歉，小申暂时没有找到这个问题的答案。您可以换个说法再问，或者留言等候工作人员回电，也可以拨打 12345 市民服务热线。',
  en: 'Sorry, I could not find an answer. Try rephrasing, leave a message for a call back, or call the 12345 citizen hotline.',
};

export const SUGGEST: Bilingual = { zh: '您是不是想问：', en: 'Did you mean:' };

export const NOT_UNDERSTOOD: Bilingual = {
  zh: '没有看懂您的问题，请用文字简单描述您想办的事情，例如“排水许可要什么材料”。',
  en: 'I could not read a question there. Please describe what you need in words, e.g. "What documents does a drainage permit need?"',
};

/** 一网通办, Shanghai's one-stop government service portal (where another authority's matters are). */
export const ONE_NETCOM_URL = 'https://zwdt.sh.gov.cn/govPortals/index.do';

/** Another authority's business (社保怎么交, 今天天气怎么样): say so, no water suggestions. */
export const OUT_OF_SCOPE: Bilingual = {
  zh: '这不属于水务局的业务，可拨打 12345 或到一网通办查询。',
  en: 'This is not the Water Authority’s business. Call the 12345 citizen hotline or look it up on the one-stop portal (一网通办).',
};

export const OUT_OF_SCOPE_LINK = { label: { zh: '一网通办', en: 'One-stop portal (一网通办)' }, url: ONE_NETCOM_URL };

/** A request for a person (转人工) inside live-help hours. */
export const HUMAN_OPEN: Bilingual = {
  zh: '好的，现在是人工服务时间，您可以转人工客服。',
  en: 'Live help is open now: you can talk to a person.',
};

/** A request for a person outside live-help hours: a message for a call back, or 12345. */
export const HUMAN_CLOSED: Bilingual = {
  zh: '现在不是人工服务时间。您可以留言，工作人员会在 1 个工作日内回电；急事请拨打 12345 市民服务热线。',
  en: 'Live help is closed now. Leave a message and staff will call you back within 1 working day; for urgent matters call 12345.',
};
