import { useId, useMemo, useState } from 'react';
import { api } from '../api/client.js';
import { useLang, useT } from '../i18n/index.js';
import { usePortalData } from './usePortalData.js';
import { CATEGORY_LABELS, MATTER_CATEGORIES, MATTER_KIND_LABELS } from '../../../src/contracts/enums/matters.js';
import type { MatterCategory } from '../../../src/contracts/enums/matters.js';
import type { TDepartment, TMatter } from '../../../src/contracts/org.js';

/** How many matters show before "show all" (a long list is hard work on a phone). */
const FIRST_SHOWN = 8;

/** The bureau's matters, searchable by name and filterable by category, each with its owner and guide. */
export function MatterCatalogue() {
  const t = useT();
  const { lang } = useLang();
  const searchId = useId();
  const [q, setQ] = useState('');
  const [category, setCategory] = useState<MatterCategory | ''>('');
  const [showAll, setShowAll] = useState(false);
  const matters = usePortalData(() => api.get<{ items: TMatter[] }>('/api/matters'), []);
  const depts = usePortalData(() => api.get<{ items: TDepartment[] }>('/api/departments'), [], { skip: lang === 'zh' });

  const shown = useMemo(() => {
    const words = q.trim().toLowerCase().split(/\s+/).filter(Boolean);
    return (matters.data?.items ?? []).filter(
      (m) =>
        m.active &&
        (!category || m.category === category) &&
        words.every((w) => m.name.toLowerCase().includes(w) || m.code.toLowerCase().includes(w)),
    );
  }, [matters.data, q, category]);

  const ownerName = (m: TMatter) =>
    (lang === 'en' && depts.data?.items.find((d) => d.id === m.ownerDepartmentId)?.nameEn) || m.ownerDepartmentName;

  return (
    <section className="pt-card" aria-labelledby="pt-matters-title" data-testid="matter-catalogue">
      <h2 id="pt-matters-title">{t('portal.mattersTitle')}</h2>
      <p>{t('portal.mattersIntro')}</p>
      <form className="pt-search" role="search" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor={searchId}>{t('portal.searchLabel')}</label>
        <input
          id={searchId}
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder={t('portal.searchPlaceholder')}
          autoComplete="off"
        />
      </form>
      <div className="pt-chips" role="group" aria-label={t('portal.categoryFilter')}>
        {(['', ...MATTER_CATEGORIES] as const).map((c) => (
          <button
            key={c || 'all'}
            type="button"
            className="pt-chip"
            aria-pressed={category === c}
            onClick={() => setCategory(c)}
          >
            {c ? CATEGORY_LABELS[c][lang] : t('portal.allCategories')}
          </button>
        ))}
      </div>
      {matters.error && (
        <p className="pt-error" role="alert">
          {t('portal.mattersError')}
        </p>
      )}
      {matters.loading && !matters.data && <p className="pt-muted">{t('common.loading')}</p>}
      {matters.data && (
        <p className="pt-muted" aria-live="polite">
          {t('portal.matterCount', { n: shown.length })}
        </p>
      )}
      {matters.data && shown.length === 0 && <p className="pt-empty">{t('portal.noMatters')}</p>}
      <ul className="pt-matters" id="pt-matter-list">
        {(showAll || q || category ? shown : shown.slice(0, FIRST_SHOWN)).map((m) => (
          <li key={m.id} className="pt-matter">
            <h3>{m.name}</h3>
            <p className="pt-tags">
              <span className="pt-tag">{CATEGORY_LABELS[m.category]?.[lang] ?? m.category}</span>
              <span className="pt-tag">{MATTER_KIND_LABELS[m.kind]?.[lang] ?? m.kind}</span>
            </p>
            <p>
              {t('portal.owner')}
              {ownerName(m)}
            </p>
            {m.guideUrl && (
              <a className="pt-guide" href={m.guideUrl} target="_blank" rel="noopener noreferrer">
                {t('portal.guide')}
                <span className="pt-sr">{t('portal.guideFor', { name: m.name })}</span>
                <span aria-hidden="true"> ↗</span>
              </a>
            )}
          </li>
        ))}
      </ul>
      {!showAll && !q && !category && shown.length > FIRST_SHOWN && (
        <button
          type="button"
          className="pt-more"
          aria-controls="pt-matter-list"
          aria-expanded="false"
          onClick={() => setShowAll(true)}
        >
          {t('portal.showAll', { n: shown.length })}
        </button>
      )}
    </section>
  );
}
