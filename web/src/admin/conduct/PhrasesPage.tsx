import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Segmented, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api, errorText } from '../../api/client.js';
import { useApiQuery } from '../../api/query.js';
import { useT } from '../../i18n/index.js';
import { PageHeader } from '../PageHeader.js';
import { useSubmit } from '../useSubmit.js';
import { beijingToday } from '../../shared/format.js';
import { useSession } from '../../shared/session.js';
import type { TForbiddenPhrase, TPhraseStats } from '../../../../src/contracts/conduct.js';

type Fields = { phrase: string; suggestion: string };

/** 服务禁语: the phrases agents are warned about, the wording to use instead, and how often each fired. */
export default function PhrasesPage() {
  const t = useT();
  const { message } = App.useApp();
  const { can } = useSession();
  const today = beijingToday().date;
  const [period, setPeriod] = useState<'month' | 'year'>('month');
  // this month is the server's default; a year from its first day to the server's today
  const range = period === 'month' ? undefined : { from: `${today.slice(0, 4)}-01-01` };
  const phrases = useApiQuery<{ items: TForbiddenPhrase[] }>('/api/conduct/phrases');
  const stats = useApiQuery<TPhraseStats>('/api/conduct/phrase-stats', range, {
    enabled: can('conduct.phraseStats'),
  });
  const counts = new Map((stats.data?.items ?? []).map((i) => [i.phrase, i.count]));
  const [editing, setEditing] = useState<TForbiddenPhrase | 'new' | null>(null);
  const [form] = Form.useForm<Fields>();
  const { busy, error, setError, run } = useSubmit(form);
  const manage = can('conduct.managePhrases');

  const open = (p: TForbiddenPhrase | 'new') => {
    setError(undefined);
    form.resetFields();
    if (p !== 'new') form.setFieldsValue({ phrase: p.phrase, suggestion: p.suggestion });
    setEditing(p);
  };
  const save = async (v: Fields) => {
    const body = { phrase: v.phrase.trim(), suggestion: v.suggestion.trim() };
    const ok = await run(
      () =>
        editing === 'new'
          ? api.post('/api/conduct/phrases', body)
          : api.put(`/api/conduct/phrases/${(editing as TForbiddenPhrase).id}`, body),
      t('common.saved'),
    );
    if (ok) setEditing(null);
  };
  const remove = async (p: TForbiddenPhrase) => {
    try {
      await api.del(`/api/conduct/phrases/${p.id}`);
      message.success(t('common.saved'));
    } catch (e) {
      message.error(errorText(e, t('common.failed')));
    }
  };

  return (
    <>
      <PageHeader
        title={t('conduct.phrasesTitle')}
        description={t('conduct.phrasesDescription')}
        extra={
          manage && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => open('new')}>
              {t('conduct.addPhrase')}
            </Button>
          )
        }
      />
      {stats.data && (
        <Space style={{ marginBottom: 12 }} wrap>
          <Segmented
            aria-label={t('duty.period')}
            value={period}
            onChange={(v) => setPeriod(v as 'month' | 'year')}
            options={[
              { value: 'month', label: t('duty.thisMonth') },
              { value: 'year', label: `${today.slice(0, 4)}` },
            ]}
          />
          <Typography.Text data-testid="phrase-total">
            {t('conduct.totalWarnings', { n: stats.data.total })}
          </Typography.Text>
        </Space>
      )}
      <Table<TForbiddenPhrase>
        rowKey="id"
        loading={phrases.loading}
        dataSource={[...(phrases.data?.items ?? [])].sort(
          (a, b) => (counts.get(b.phrase) ?? 0) - (counts.get(a.phrase) ?? 0),
        )}
        pagination={false}
        scroll={{ x: 720 }}
        locale={phrases.error ? { emptyText: phrases.error.message } : undefined}
        data-testid="phrases"
        columns={[
          { title: t('conduct.phrase'), dataIndex: 'phrase', width: 160 },
          { title: t('conduct.suggestion'), dataIndex: 'suggestion' },
          ...(stats.data
            ? [
                {
                  title: t('conduct.count'),
                  key: 'count',
                  width: 100,
                  render: (_: unknown, p: TForbiddenPhrase) => counts.get(p.phrase) ?? 0,
                },
              ]
            : []),
          ...(manage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 150,
                  render: (_: unknown, p: TForbiddenPhrase) => (
                    <Space size={0}>
                      <Button type="link" onClick={() => open(p)}>
                        {t('common.edit')}
                      </Button>
                      <Popconfirm
                        title={t('conduct.confirmDeletePhrase', { phrase: p.phrase })}
                        onConfirm={() => remove(p)}
                      >
                        <Button type="link" danger>
                          {t('common.delete')}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={!!editing}
        title={editing === 'new' ? t('conduct.addPhrase') : t('conduct.editPhrase')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        forceRender
      >
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Form<Fields> form={form} layout="vertical" onFinish={save}>
          <Form.Item
            name="phrase"
            label={t('conduct.phrase')}
            rules={[{ required: true, whitespace: true, message: t('conduct.phraseRequired') }]}
          >
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item
            name="suggestion"
            label={t('conduct.suggestion')}
            rules={[{ required: true, whitespace: true, message: t('conduct.suggestionRequired') }]}
          >
            <Input.TextArea maxLength={200} autoSize={{ minRows: 2 }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
