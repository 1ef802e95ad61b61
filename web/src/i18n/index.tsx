import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { zh } from './zh.js';
import { en } from './en.js';
import { liveZh } from './live.zh.js';
import { liveEn } from './live.en.js';
import type { staffZh } from './staff.zh.js';
import type { liveStaffZh } from './livestaff.zh.js';
import type { ordersZh } from './orders.zh.js';
import type { reportZh } from './report.zh.js';

export type Lang = 'zh' | 'en';
/** Every text key: the citizen portal's (always loaded) and the staff faces' (loaded with their code). */
export type MessageKey =
  | keyof typeof zh
  | keyof typeof liveZh
  | keyof typeof staffZh
  | keyof typeof liveStaffZh
  | keyof typeof ordersZh
  | keyof typeof reportZh;
const DICTS: Record<Lang, Partial<Record<MessageKey, string>>> = {
  zh: { ...zh, ...liveZh },
  en: { ...en, ...liveEn },
};

/** Adds a lazily loaded part of the dictionaries (see staff.ts). */
export function registerMessages(more: Record<Lang, Partial<Record<MessageKey, string>>>): void {
  Object.assign(DICTS.zh, more.zh);
  Object.assign(DICTS.en, more.en);
}
const STORAGE_KEY = 'bb_lang';

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'zh' || saved === 'en') return saved;
  } catch {
    /* private mode: fall through */
  }
  const cookie = document.cookie.match(/(?:^|;\s*)bb_lang=(zh|en)/);
  return cookie ? (cookie[1] as Lang) : 'zh';
}

/** Remembers the choice (localStorage + the `bb_lang` cookie the server reads) and updates <html lang>. */
function applyLang(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    /* ignore */
  }
  document.cookie = `bb_lang=${lang}; path=/; max-age=31536000; SameSite=Lax`;
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}

export type TFunction = (key: MessageKey, vars?: Record<string, string | number>) => string;

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t: TFunction;
}
const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    applyLang(lang);
  }, [lang]);
  const setLang = useCallback((l: Lang) => setLangState(l), []);
  const t = useCallback<TFunction>(
    (key, vars) => {
      let text = DICTS[lang][key] ?? DICTS.zh[key] ?? key;
      if (vars) for (const [k, v] of Object.entries(vars)) text = text.split(`{${k}}`).join(String(v));
      return text;
    },
    [lang],
  );
  const value = useMemo(() => ({ lang, setLang, t }), [lang, setLang, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('I18nProvider is missing');
  return ctx;
}

/** The translate function of the current language. */
export const useT = (): TFunction => useI18n().t;
/** The current language and its setter. */
export const useLang = (): { lang: Lang; setLang(lang: Lang): void } => {
  const { lang, setLang } = useI18n();
  return { lang, setLang };
};
/** Picks the right half of a bilingual value from the server. */
export function pick(b: { zh: string; en: string } | null | undefined, lang: Lang): string {
  return b ? b[lang] || b.zh : '';
}
