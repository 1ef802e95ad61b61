import { Alert, Modal, Spin, Typography } from 'antd';
import { useT, type MessageKey } from '../../i18n/index.js';
import { useApiQuery } from '../../api/query.js';
import type { TEntryDiff } from '../../../../src/contracts/knowledge.js';

const FIELD_KEYS: Record<string, MessageKey> = {
  question: 'kb.question',
  similar: 'kb.similar',
  answer: 'kb.answer',
  category: 'kb.category',
  tags: 'kb.tags',
  matterId: 'kb.matter',
  validFrom: 'kb.validFrom',
  validUntil: 'kb.validUntil',
};

/** Two versions side by side in one text: removed text struck through in red, added text underlined in green, each also said in words. */
export function DiffModal({
  entryId,
  from,
  to,
  onClose,
}: {
  entryId: string;
  from: number;
  to: number | 'working' | null;
  onClose(): void;
}) {
  const t = useT();
  const diff = useApiQuery<TEntryDiff>(
    `/api/kb/entries/${entryId}/diff`,
    { from, to: to ?? 'working' },
    { enabled: to !== null },
  );
  const label = (v: number | 'working') => (v === 'working' ? t('kb.working') : t('kb.versionN', { n: v }));
  return (
    <Modal
      open={to !== null}
      onCancel={onClose}
      footer={null}
      width={860}
      title={to !== null ? t('kb.diffTitle', { from: label(from), to: label(to) }) : ''}
    >
      {diff.loading && <Spin />}
      {diff.error && <Alert type="error" showIcon title={diff.error.message} />}
      {diff.data && (
        <div data-testid="diff-view">
          <Typography.Paragraph type="secondary">{t('kb.diffLegend')}</Typography.Paragraph>
          {diff.data.changed.length === 0 && <Alert type="info" showIcon title={t('kb.noChanges')} />}
          {Object.entries(diff.data.fields).map(([field, segs]) => {
            const changed = diff.data!.changed.includes(field);
            return (
              <section key={field} style={{ marginBottom: 16 }}>
                <Typography.Title level={3} style={{ fontSize: 15 }}>
                  {t(FIELD_KEYS[field] ?? 'kb.answer')}
                  {field in FIELD_KEYS ? '' : ` (${field})`}
                  {changed ? (
                    <span style={{ color: '#ad4e00', fontWeight: 400 }}> · {t('kb.changed')}</span>
                  ) : (
                    <span style={{ color: '#595959', fontWeight: 400 }}> · {t('kb.unchanged')}</span>
                  )}
                </Typography.Title>
                <div
                  style={{
                    whiteSpace: 'pre-wrap',
                    lineHeight: 1.8,
                    padding: '8px 12px',
                    background: '#fafafa',
                    border: '1px solid #f0f0f0',
                    borderRadius: 6,
                  }}
                >
                  {segs.map((s, i) =>
                    s.added ? (
                      <ins key={i} style={{ background: '#d9f7be', color: '#135200', textDecorationThickness: 2 }}>
                        <span className="kb-sr">{t('kb.addedMark')}</span>
                        {s.value}
                        <span className="kb-sr">{t('kb.endMark')}</span>
                      </ins>
                    ) : s.removed ? (
                      <del key={i} style={{ background: '#ffccc7', color: '#820014' }}>
                        <span className="kb-sr">{t('kb.removedMark')}</span>
                        {s.value}
                        <span className="kb-sr">{t('kb.endMark')}</span>
                      </del>
                    ) : (
                      <span key={i}>{s.value}</span>
                    ),
                  )}
                </div>
              </section>
            );
          })}
        </div>
      )}
    </Modal>
  );
}
