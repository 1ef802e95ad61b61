import { useT } from '../i18n/index.js';

/** A plain, library-free loading note (shown while a page's code arrives). */
export function PageLoading() {
  const t = useT();
  return (
    <div role="status" style={{ padding: 48, textAlign: 'center', color: '#4d4d4d', fontSize: 16, lineHeight: 1.6 }}>
      {t('common.loading')}
    </div>
  );
}
