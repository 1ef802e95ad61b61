import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { registerMessages, useLang, useT, type MessageKey } from '../../i18n/index.js';
import { reportEn } from '../../i18n/report.en.js';
import { reportZh } from '../../i18n/report.zh.js';
import { ApiError, request } from '../../api/client.js';
import { looksLikePhone } from '../chat/phone.js';
import { PortalHeader } from '../PortalHeader.js';
import { useDisplayPrefs } from '../useDisplayPrefs.js';
import type { TReportStatus, TWorkOrderReceipt } from '../../../../src/contracts/work-orders.js';
import '../portal.css';
import '../chat/chat.css';

registerMessages({ zh: reportZh, en: reportEn });

type Fields = Record<string, string>;

/** A labelled input with its error, as the portal's other forms (screen-reader names, errors in words). */
function Field(p: { id: string; label: string; error?: string; children: ReactNode }) {
  return (
    <div className="bb-field">
      <label htmlFor={p.id}>{p.label}</label>
      {p.children}
      {p.error && (
        <p className="pt-error" id={`${p.id}-err`}>
          {p.error}
        </p>
      )}
    </div>
  );
}

/**
 * 我要反映“办不成事”问题 (seed art. 13, annex 5): a citizen who could not finish a matter online says
 * what went wrong and gets a receipt number; with it and the phone they look up the reply here.
 */
export default function ReportPage() {
  const t = useT();
  const { lang } = useLang();
  const prefs = useDisplayPrefs();
  const id = useId();
  useEffect(() => {
    document.title = t('report.pageTitle');
  }, [t]);
  const [v, setV] = useState<Fields>({ occurredOn: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10) });
  const [errors, setErrors] = useState<Fields>({});
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState('');
  const [receipt, setReceipt] = useState<string>();
  const [lookup, setLookup] = useState<Fields>({});
  const [status, setStatus] = useState<TReportStatus>();
  const [lookupError, setLookupError] = useState('');
  const set = (k: string) => (e: { target: { value: string } }) => setV((x) => ({ ...x, [k]: e.target.value }));
  const setL = (k: string) => (e: { target: { value: string } }) => setLookup((x) => ({ ...x, [k]: e.target.value }));
  const problem = (e: unknown) => (e instanceof ApiError && e.messages ? e.messages[lang] : t('report.failed'));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const errs: Fields = {};
    for (const k of ['matter', 'problem', 'occurredOn', 'name'])
      if ((v[k] ?? '').trim().length < (k === 'name' ? 1 : 2)) errs[k] = t('report.required');
    if (!looksLikePhone(v.phone ?? '')) errs.phone = t('report.phoneInvalid');
    setErrors(errs);
    if (Object.keys(errs).length) {
      document.getElementById(`${id}-${Object.keys(errs)[0]}`)?.focus();
      return;
    }
    setBusy(true);
    setServerError('');
    try {
      const body = Object.fromEntries(
        Object.entries(v)
          .map(([k, x]) => [k, x.trim()])
          .filter(([, x]) => x),
      );
      const r = await request<TWorkOrderReceipt>('POST', '/api/public/blocked-service-reports', body);
      setReceipt(r.number);
      setLookup({ number: r.number, phone: v.phone.trim() });
    } catch (err) {
      setServerError(problem(err));
    } finally {
      setBusy(false);
    }
  };

  const find = async (e: FormEvent) => {
    e.preventDefault();
    setLookupError('');
    setStatus(undefined);
    try {
      setStatus(
        await request<TReportStatus>('POST', '/api/public/blocked-service-reports/lookup', {
          number: (lookup.number ?? '').trim(),
          phone: (lookup.phone ?? '').trim(),
        }),
      );
    } catch (err) {
      setLookupError(problem(err));
    }
  };

  const input = (k: string, label: MessageKey, extra: Record<string, unknown> = {}) => (
    <Field id={`${id}-${k}`} label={t(label)} error={errors[k]}>
      <input
        id={`${id}-${k}`}
        value={v[k] ?? ''}
        aria-invalid={!!errors[k]}
        aria-describedby={errors[k] ? `${id}-${k}-err` : undefined}
        onChange={set(k)}
        {...extra}
      />
    </Field>
  );

  return (
    <div
      className={prefs.care ? 'pt pt-care' : 'pt'}
      style={{ ['--pt-scale' as string]: prefs.scale }}
      data-testid="report-page"
    >
      <a className="pt-skip" href="#pt-main">
        {t('common.skipToContent')}
      </a>
      <PortalHeader prefs={prefs} />
      <main id="pt-main" className="pt-wrap pt-main" tabIndex={-1}>
        <section className="pt-hero" aria-labelledby="pt-report-title">
          <h1 id="pt-report-title">{t('report.title')}</h1>
          <p>{t('report.intro')}</p>
        </section>
        <div className="pt-grid">
          <div className="pt-col">
            <section className="pt-card" aria-label={t('report.title')}>
              {receipt ? (
                <div role="status" data-testid="report-receipt">
                  <p>
                    <strong>{t('report.done', { number: receipt })}</strong>
                  </p>
                  <p className="pt-note">{t('report.doneHint')}</p>
                </div>
              ) : (
                <form className="bb-form" onSubmit={(e) => void submit(e)} noValidate data-testid="report-form">
                  {input('matter', 'report.matter', { maxLength: 200 })}
                  <Field id={`${id}-problem`} label={t('report.problem')} error={errors.problem}>
                    <textarea
                      id={`${id}-problem`}
                      rows={3}
                      maxLength={1000}
                      value={v.problem ?? ''}
                      aria-invalid={!!errors.problem}
                      aria-describedby={errors.problem ? `${id}-problem-err` : undefined}
                      onChange={set('problem')}
                    />
                  </Field>
                  {input('occurredOn', 'report.occurredOn', { type: 'date' })}
                  {input('name', 'report.name', { maxLength: 40, autoComplete: 'name' })}
                  {input('phone', 'report.phone', { maxLength: 20, inputMode: 'tel', autoComplete: 'tel' })}
                  <Field id={`${id}-description`} label={t('report.description')}>
                    <textarea
                      id={`${id}-description`}
                      rows={3}
                      maxLength={2000}
                      value={v.description ?? ''}
                      onChange={set('description')}
                    />
                  </Field>
                  {serverError && (
                    <p className="pt-error" role="alert">
                      {serverError}
                    </p>
                  )}
                  <button type="submit" className="bb-btn bb-primary" disabled={busy} data-testid="report-submit">
                    {t('report.submit')}
                  </button>
                </form>
              )}
            </section>
          </div>
          <div className="pt-col">
            <section className="pt-card" aria-labelledby={`${id}-lookup-title`}>
              <h2 id={`${id}-lookup-title`}>{t('report.lookupTitle')}</h2>
              <form className="bb-form" onSubmit={(e) => void find(e)} data-testid="lookup-form">
                <Field id={`${id}-ln`} label={t('report.number')}>
                  <input id={`${id}-ln`} value={lookup.number ?? ''} onChange={setL('number')} maxLength={30} />
                </Field>
                <Field id={`${id}-lp`} label={t('report.phone')}>
                  <input
                    id={`${id}-lp`}
                    value={lookup.phone ?? ''}
                    onChange={setL('phone')}
                    inputMode="tel"
                    maxLength={20}
                  />
                </Field>
                {lookupError && (
                  <p className="pt-error" role="alert">
                    {lookupError}
                  </p>
                )}
                <button type="submit" className="bb-btn bb-primary" data-testid="lookup-submit">
                  {t('report.lookup')}
                </button>
              </form>
              {status && (
                <dl className="pt-report-status" data-testid="report-status" aria-live="polite">
                  <dt>{t('report.number')}</dt>
                  <dd>{status.number}</dd>
                  <dt>{t('report.status')}</dt>
                  <dd>{status.status[lang]}</dd>
                  <dt>{t('report.reply')}</dt>
                  <dd style={{ whiteSpace: 'pre-wrap' }}>{status.reply ?? t('report.noReply')}</dd>
                </dl>
              )}
            </section>
          </div>
        </div>
        <p>
          <a href="/">{t('report.back')}</a>
        </p>
      </main>
    </div>
  );
}
