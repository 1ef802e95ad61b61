import { useEffect, useState } from 'react';
import { useLang, useT } from '../i18n/index.js';
import { setChannel } from './chat/botApi.js';
import { Chat } from './chat/Chat.js';
import { LiveOrBot } from './livechat/LiveOrBot.js';
import { useDisplayPrefs } from './useDisplayPrefs.js';
import './portal.css';

/**
 * /bot: the 小申 chat alone. With ?embed=1 it runs inside the widget's iframe (compact header,
 * a close button that tells the host page); ?lang=en preselects English.
 */
export default function BotPage() {
  const t = useT();
  const { lang, setLang } = useLang();
  const prefs = useDisplayPrefs();
  const [params] = useState(() => new URLSearchParams(window.location.search));
  const embed = params.get('embed') === '1';
  useEffect(() => {
    setChannel(embed ? 'widget' : 'portal');
    const l = params.get('lang');
    if (l === 'en' || l === 'zh') setLang(l);
  }, [embed, params, setLang]);
  useEffect(() => {
    document.title = t('chat.pageTitle');
  }, [t]);

  return (
    <div
      className={`pt bb-page${embed ? ' bb-embed' : ''}${prefs.care ? ' pt-care' : ''}`}
      style={{ ['--pt-scale' as string]: prefs.scale }}
      data-testid="bot-page"
      data-care={prefs.care ? 'on' : 'off'}
    >
      <header className="pt-header">
        <div className="pt-wrap pt-header-inner bb-page-header">
          <h1 className="bb-page-title">
            {t('portal.chatTitle')}
            {!embed && <span className="bb-page-org"> · {t('portal.org')}</span>}
          </h1>
          <div className="pt-controls" role="group" aria-label={t('portal.displayControls')}>
            <button
              type="button"
              className="pt-btn pt-care-btn"
              aria-pressed={prefs.care}
              onClick={prefs.toggleCare}
              data-testid="care-mode-toggle"
            >
              {t('portal.careMode')}
            </button>
            <button
              type="button"
              className="pt-btn"
              lang={lang === 'zh' ? 'en' : 'zh-CN'}
              onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
              aria-label={lang === 'zh' ? 'Switch to English' : '切换到中文'}
              data-testid="lang-switch"
            >
              {lang === 'zh' ? 'EN' : '中文'}
            </button>
            {embed && (
              <button
                type="button"
                className="pt-btn"
                aria-label={t('chat.close')}
                onClick={() => window.parent.postMessage('bangban:close', '*')}
                data-testid="chat-close"
              >
                <span aria-hidden="true">✕</span>
              </button>
            )}
          </div>
        </div>
      </header>
      <main className="pt-wrap bb-page-main" id="pt-main">
        <LiveOrBot>
          <Chat variant="page" />
        </LiveOrBot>
      </main>
      {!embed && (
        <footer className="pt-footer">
          <div className="pt-wrap pt-footer-inner">
            <p>{t('portal.footer')}</p>
            <a className="pt-staff-link" href="/">
              {t('chat.toPortal')}
            </a>
          </div>
        </footer>
      )}
    </div>
  );
}
