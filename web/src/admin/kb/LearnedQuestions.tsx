import { useState } from 'react';
import { App, Button, Card, Space, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api, errorText } from '../../api/client.js';
import { useApiQuery } from '../../api/query.js';
import { useT } from '../../i18n/index.js';
import type { TLearnedQuestion } from '../../../../src/contracts/bot.js';

/**
 * Questions citizens confirmed under "您是不是想问", proposed as similar questions of the entry:
 * the owning department's editor accepts one with one click (the bot matches with it at once).
 */
export function LearnedQuestions() {
  const t = useT();
  const { message } = App.useApp();
  const list = useApiQuery<{ items: TLearnedQuestion[] }>('/api/bot/learned');
  const [busy, setBusy] = useState<string | null>(null);
  const decide = async (l: TLearnedQuestion, accept: boolean) => {
    setBusy(l.id);
    try {
      await api.post(`/api/bot/learned/${encodeURIComponent(l.id)}/${accept ? 'accept' : 'reject'}`, {});
      message.success(t(accept ? 'learned.accepted' : 'learned.rejected'));
      list.reload();
    } catch (e) {
      message.error(errorText(e, t('common.failed')));
    } finally {
      setBusy(null);
    }
  };
  const items = list.data?.items ?? [];
  if (!list.loading && items.length === 0 && !list.error) return null;
  return (
    <Card title={t('learned.title')} style={{ marginBottom: 16 }} data-testid="learned-questions">
      <Typography.Paragraph type="secondary">{t('learned.help')}</Typography.Paragraph>
      <Table<TLearnedQuestion>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={items}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 760 }}
        locale={{ emptyText: list.error ? list.error.message : t('learned.empty') }}
        columns={[
          {
            title: t('learned.question'),
            dataIndex: 'question',
            render: (q: string) => <Typography.Text strong>{q}</Typography.Text>,
          },
          {
            title: t('learned.entry'),
            key: 'e',
            render: (_: unknown, l) => (
              <span>
                <Link to={`/admin/kb/${l.entry.id}`}>{l.entry.question}</Link>
                <Typography.Text type="secondary">
                  {l.entry.department ? `（${l.entry.department}）` : ''}
                </Typography.Text>
              </span>
            ),
          },
          { title: t('learned.citizens'), dataIndex: 'citizens', width: 90 },
          {
            title: t('common.actions'),
            key: 'a',
            width: 170,
            render: (_: unknown, l) => (
              <Space size={0}>
                <Button type="link" size="small" loading={busy === l.id} onClick={() => void decide(l, true)}>
                  {t('learned.accept')}
                </Button>
                <Button type="link" size="small" disabled={busy === l.id} onClick={() => void decide(l, false)}>
                  {t('learned.reject')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
