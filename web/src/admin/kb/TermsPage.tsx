import { useState } from 'react';
import { App, Button, Form, Input, Modal, Popconfirm, Space, Table, Tabs, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api, errorText } from '../../api/client.js';
import { useLang, useT } from '../../i18n/index.js';
import { formatDateTime } from '../../shared/format.js';
import { useApiQuery } from '../../api/query.js';
import { useSession } from '../../shared/session.js';
import { PageHeader } from '../PageHeader.js';
import { useUrlFilters } from '../useUrlFilters.js';
import type { TKbTerm } from '../../../../src/contracts/knowledge.js';
import { useClearable } from '../../shared/clearable.js';

/** 词典与同义词: the water dictionary (for word splitting) and synonym groups the bot's matcher uses. */
export default function TermsPage() {
  const t = useT();
  const clearable = useClearable();
  const { lang } = useLang();
  const { can } = useSession();
  const { message } = App.useApp();
  const [f, setF] = useUrlFilters(['kind', 'q'] as const);
  const kind = (f.kind || 'synonym') as TKbTerm['kind'];
  const list = useApiQuery<{ items: TKbTerm[] }>('/api/kb/terms', { kind, q: f.q });
  const [editing, setEditing] = useState<TKbTerm | 'new' | null>(null);
  const [form] = Form.useForm<{ value: string }>();
  const manage = can('knowledge.manageTerms');

  const open = (x: TKbTerm | 'new') => {
    form.setFieldsValue({ value: x === 'new' ? '' : x.value });
    setEditing(x);
  };
  const save = async (v: { value: string }) => {
    try {
      if (editing === 'new') await api.post('/api/kb/terms', { kind, value: v.value.trim() });
      else await api.patch(`/api/kb/terms/${(editing as TKbTerm).id}`, { value: v.value.trim() });
      message.success(t('common.saved'));
      setEditing(null);
      list.reload();
    } catch (e) {
      message.error(errorText(e, t('common.failed')));
    }
  };
  const remove = async (x: TKbTerm) => {
    try {
      await api.del(`/api/kb/terms/${x.id}`);
      message.success(t('terms.deleted'));
      list.reload();
    } catch (e) {
      message.error(errorText(e, t('common.failed')));
    }
  };

  return (
    <>
      <PageHeader
        title={t('terms.title')}
        description={t('terms.description')}
        extra={
          manage && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => open('new')}>
              {kind === 'synonym' ? t('terms.addSynonym') : t('terms.addWord')}
            </Button>
          )
        }
      />
      <Tabs
        activeKey={kind}
        onChange={(k) => setF({ kind: k === 'synonym' ? undefined : k, q: undefined })}
        items={[
          { key: 'synonym', label: t('terms.synonyms') },
          { key: 'dictionary', label: t('terms.dictionary') },
        ]}
      />
      <Typography.Paragraph type="secondary">
        {kind === 'synonym' ? t('terms.synonymFormat') : t('terms.dictionaryFormat')}
      </Typography.Paragraph>
      <Space style={{ marginBottom: 16 }} role="search" aria-label={t('common.filters')}>
        <Input.Search
          key={`${kind}-${f.q}`}
          defaultValue={f.q}
          allowClear={clearable}
          placeholder={t('terms.search')}
          aria-label={t('terms.search')}
          onSearch={(q) => setF({ q: q.trim() })}
          style={{ width: 240 }}
        />
      </Space>
      <Table<TKbTerm>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={list.error ? { emptyText: list.error.message } : undefined}
        pagination={{ defaultPageSize: 50, showTotal: (n) => t('common.total', { n }) }}
        columns={[
          {
            title: kind === 'synonym' ? t('terms.group') : t('terms.word'),
            dataIndex: 'value',
            render: (v: string) => <code style={{ fontSize: 14 }}>{v}</code>,
          },
          {
            title: t('kb.updatedAt'),
            dataIndex: 'updatedAt',
            width: 170,
            render: (v: string) => formatDateTime(v, lang),
          },
          ...(manage
            ? [
                {
                  title: t('common.actions'),
                  key: 'a',
                  width: 140,
                  render: (_: unknown, x: TKbTerm) => (
                    <Space size={0}>
                      <Button type="link" size="small" onClick={() => open(x)}>
                        {t('common.edit')}
                      </Button>
                      <Popconfirm
                        title={t('terms.confirmDelete')}
                        okText={t('common.confirm')}
                        cancelText={t('common.cancel')}
                        onConfirm={() => remove(x)}
                      >
                        <Button type="link" size="small" danger>
                          {t('terms.delete')}
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
        title={editing === 'new' ? (kind === 'synonym' ? t('terms.addSynonym') : t('terms.addWord')) : t('common.edit')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        forceRender
      >
        <Form form={form} layout="vertical" onFinish={save}>
          <Form.Item
            name="value"
            label={kind === 'synonym' ? t('terms.group') : t('terms.word')}
            extra={kind === 'synonym' ? t('terms.synonymFormat') : t('terms.dictionaryFormat')}
            rules={[{ required: true, whitespace: true, message: t('terms.required') }]}
          >
            <Input maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
