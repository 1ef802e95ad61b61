import { useEffect } from 'react';
import { useT } from '../i18n/index.js';
import { ChatMount } from './ChatMount.js';
import { HowToGetHelp } from './HowToGetHelp.js';
import { MatterCatalogue } from './MatterCatalogue.js';
import { PortalHeader } from './PortalHeader.js';
import { ServiceStatusPanel } from './ServiceStatusPanel.js';
import { useDisplayPrefs } from './useDisplayPrefs.js';
import './portal.css';

/** The citizen portal: no sign-in, mobile-first, with an elderly mode (长辈版). */
export default function PortalPage() {
  const t = useT();
  const prefs = useDisplayPrefs();
  useEffect(() => {
    document.title = t('portal.pageTitle');
  }, [t]);

  return (
    <div
      className={prefs.care ? 'pt pt-care' : 'pt'}
      style={{ ['--pt-scale' as string]: prefs.scale }}
      data-testid="portal"
      data-care={prefs.care ? 'on' : 'off'}
    >
      <a className="pt-skip" href="#pt-main">
        {t('common.skipToContent')}
      </a>
      <PortalHeader prefs={prefs} />
      <main id="pt-main" className="pt-wrap pt-main" tabIndex={-1}>
        <section className="pt-hero" aria-labelledby="pt-hero-title">
          <h1 id="pt-hero-title">{t('portal.heroTitle')}</h1>
          <p>{t('portal.heroText')}</p>
          <p>
            <a href="/report" data-testid="report-link">
              {t('portal.reportLink')}
            </a>
          </p>
        </section>
        <ChatMount />
        <div className="pt-grid">
          <div className="pt-col">
            <ServiceStatusPanel />
            <HowToGetHelp />
          </div>
          <div className="pt-col">
            <MatterCatalogue />
          </div>
        </div>
      </main>
      <footer className="pt-footer">
        <div className="pt-wrap pt-footer-inner">
          <p>{t('portal.footer')}</p>
          <a className="pt-staff-link" href="/login">
            {t('portal.staffLogin')}
          </a>
        </div>
      </footer>
    </div>
  );
}
