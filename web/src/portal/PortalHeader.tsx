import { useLang, useT } from '../i18n/index.js';
import type { useDisplayPrefs } from './useDisplayPrefs.js';

type Prefs = ReturnType<typeof useDisplayPrefs>;

/** Title bar of every citizen page, with the elderly-mode switch, text size and language. */
export function PortalHeader({ prefs }: { prefs: Prefs }) {
  const t = useT();
  const { lang, setLang } = useLang();
  return (
    <header className="pt-header">
      <div className="pt-wrap pt-header-inner">
        <p className="pt-brand">
          <span className="pt-brand-org">{t('portal.org')}</span>
          <span className="pt-brand-sep" aria-hidden="true">
            {' '}
            ·{' '}
          </span>
          <span className="pt-brand-name">{t('portal.service')}</span>
        </p>
        <div className="pt-controls" role="group" aria-label={t('portal.displayControls')}>
          <button
            type="button"
            className="pt-btn pt-care-btn"
            aria-pressed={prefs.care}
            onClick={prefs.toggleCare}
            data-testid="care-mode-toggle"
          >
            <span>{t('portal.careMode')}</span>
            <span className="pt-state">{prefs.care ? t('portal.on') : t('portal.off')}</span>
          </button>
          <button
            type="button"
            className="pt-btn"
            onClick={prefs.smaller}
            disabled={!prefs.canShrink}
            aria-label={t('portal.textSmaller')}
          >
            A-
          </button>
          <button
            type="button"
            className="pt-btn"
            onClick={prefs.larger}
            disabled={!prefs.canGrow}
            aria-label={t('portal.textLarger')}
          >
            A+
          </button>
          <button
            type="button"
            className="pt-btn"
            lang={lang === 'zh' ? 'en' : 'zh-CN'}
            onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
            aria-label={lang === 'zh' ? 'Switch to English' : '切换到中文'}
            data-testid="lang-switch"
          >
            {lang === 'zh' ? 'English' : '中文'}
          </button>
        </div>
      </div>
    </header>
  );
}
