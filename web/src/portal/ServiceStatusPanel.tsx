import { api } from '../api/client.js';
import { pick, useLang, useT } from '../i18n/index.js';
import { formatOpening, formatPeriods } from '../shared/hours.js';
import { usePortalData } from './usePortalData.js';
import type { TServiceStatus } from '../../../src/contracts/calendar.js';
import type { Channel } from '../../../src/contracts/enums/calendar.js';

const CHANNELS: Channel[] = ['live_help', 'offline_hall'];

/** Live help and service-hall hours, and whether each is open right now (refreshed every minute). */
export function ServiceStatusPanel() {
  const t = useT();
  const { lang } = useLang();
  const status = usePortalData(() => api.get<TServiceStatus>('/api/public/service-status'), [], { refreshMs: 60_000 });

  return (
    <section className="pt-card" aria-labelledby="pt-hours-title" data-testid="service-status">
      <h2 id="pt-hours-title">{t('portal.hoursTitle')}</h2>
      {status.error && !status.data && (
        <p className="pt-error" role="alert">
          {t('portal.hoursError')}
        </p>
      )}
      {!status.data && !status.error && <p className="pt-muted">{t('common.loading')}</p>}
      {status.data && (
        <ul className="pt-status-list">
          {CHANNELS.map((ch) => {
            const s = status.data!.channels[ch];
            if (!s) return null;
            return (
              <li key={ch} className="pt-status" data-testid={ch === 'live_help' ? 'live-help-status' : undefined}>
                <h3>{pick(s.label, lang)}</h3>
                <p className={s.open ? 'pt-badge pt-badge-open' : 'pt-badge pt-badge-closed'}>
                  <span aria-hidden="true">{s.open ? '● ' : '○ '}</span>
                  {s.open ? t(ch === 'live_help' ? 'portal.liveOpen' : 'portal.hallOpen') : t('portal.closedNow')}
                </p>
                <p>
                  {t('portal.workdays')} {formatPeriods(s.periods, lang)}
                </p>
                {ch === 'live_help' && s.open && (
                  <p>
                    <a href="#bb-chat">{t('portal.liveHow')}</a>
                  </p>
                )}
                {!s.open && s.nextOpening && (
                  <p>{t('portal.nextOpening', { when: formatOpening(s.nextOpening, status.data!.now, lang) })}</p>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <p className="pt-note">{t('portal.hoursNote')}</p>
    </section>
  );
}
