import { useT } from '../i18n/index.js';

/** Plain words on the ways to get help, in the order a citizen should try them. */
export function HowToGetHelp() {
  const t = useT();
  return (
    <section className="pt-card" aria-labelledby="pt-help-title">
      <h2 id="pt-help-title">{t('portal.helpTitle')}</h2>
      <ol className="pt-steps">
        <li>
          <strong>{t('portal.step1Title')}</strong>
          <p>{t('portal.step1')}</p>
        </li>
        <li>
          <strong>{t('portal.step2Title')}</strong>
          <p>{t('portal.step2')}</p>
        </li>
        <li>
          <strong>{t('portal.step3Title')}</strong>
          <p>{t('portal.step3')}</p>
        </li>
        <li>
          <strong>{t('portal.step4Title')}</strong>
          <p>{t('portal.step4')}</p>
        </li>
      </ol>
    </section>
  );
}
