import type { ConfigProviderProps } from 'antd';
import zhCNModule from 'antd/locale/zh_CN.js';
import enUSModule from 'antd/locale/en_US.js';

type Locale = NonNullable<ConfigProviderProps['locale']>;

/**
 * antd's locale files are CommonJS: the bundler hands us the locale itself, while TypeScript (NodeNext)
 * sees the module object with a `default`. Accept both.
 */
const unwrap = (m: unknown): Locale => (m as { default?: Locale }).default ?? (m as Locale);

export const antdLocales: Record<'zh' | 'en', Locale> = { zh: unwrap(zhCNModule), en: unwrap(enUSModule) };
