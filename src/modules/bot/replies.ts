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

/** Offers only what exists today: rephrasing, a message for a call back, the 12345 hotline (no live chat yet). */
export const NO_MATCH: Bilingual = {
  zh: '抱歉，小申暂时没有找到这个问题的答案。您可以换个说法再问，或者留言等候工作人员回电，也可以拨打 12345 市民服务热线。',
  en: 'Sorry, I could not find an answer. Try rephrasing, leave a message for a call back, or call the 12345 citizen hotline.',
};

export const SUGGEST: Bilingual = { zh: '您是不是想问：', en: 'Did you mean:' };

export const NOT_UNDERSTOOD: Bilingual = {
  zh: '没有看懂您的问题，请用文字简单描述您想办的事情，例如“排水许可要什么材料”。',
  en: 'I could not read a question there. Please describe what you need in words, e.g. "What documents does a drainage permit need?"',
};
