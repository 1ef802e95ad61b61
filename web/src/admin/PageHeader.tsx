import type { ReactNode } from 'react';
import { useEffect } from 'react';
import { Typography } from 'antd';
import { useT } from '../i18n/index.js';

/** Title (an h1, also the document title), a one-line explanation and the page's main actions. */
export function PageHeader({ title, description, extra }: { title: string; description?: string; extra?: ReactNode }) {
  const t = useT();
  useEffect(() => {
    document.title = `${title} · ${t('staff.product')}`;
  }, [title, t]);
  return (
    <div
      style={{
        display: 'flex',
        justifyContent: 'space-between',
        alignItems: 'flex-start',
        gap: 12,
        flexWrap: 'wrap',
        marginBottom: 16,
      }}
    >
      <div>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {title}
        </Typography.Title>
        {description && (
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
            {description}
          </Typography.Paragraph>
        )}
      </div>
      {extra && <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>{extra}</div>}
    </div>
  );
}
