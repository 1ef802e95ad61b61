import { useState } from 'react';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api, errorText } from '../../api/client.js';
import { useApiQuery } from '../../api/query.js';
import { useT } from '../../i18n/index.js';
import { PageHeader } from '../PageHeader.js';
import { useSubmit } from '../useSubmit.js';
import { useDepartments } from '../../shared/useDepartments.js';
import { useSession } from '../../shared/session.js';
import type { TCannedReply } from '../../../../src/contracts/conduct.js';

interface Fields {
  title: string;
  text: string;
  departmentId: string;
  sortOrder?: number;
}
const GLOBAL = 'global';

/** 常用语: replies agents insert while answering, shared by every department or for one. */
export default function CannedRepliesPage() {
  const t = useT();
  const { message } = App.useApp();
  const { can } = useSession();
  const depts = useDepartments();
  const [scope, setScope] = useState<string | undefined>();
  const replies = useApiQuery<{ items: TCannedReply[] }>('/api/conduct/canned-replies', { departmentId: scope });
  const [editing, setEditing] = useState<TCannedReply | 'new' | null>(null);
  const [form] = Form.useForm<Fields>();
  const { busy, error, setError, run } = useSubmit(form);
  const manage = can('conduct.manageCannedReplies');
  const scopes = [{ value: GLOBAL, label: t('conduct.global') }, ...depts.options];

  const open = (r: TCannedReply | 'new') => {
    setError(undefined);
    form.resetFields();
    form.setFieldsValue(
      r === 'new'
        ? { departmentId: GLOBAL, sortOrder: 0 }
        : { title: r.title, text: r.text, departmentId: r.departmentId ?? GLOBAL, sortOrder: r.sortOrder },
    );
    setEditing(r);
  };
  const save = async (v: Fields) => {
    const body = {
      title: v.title.trim(),
      text: v.text.trim(),
      departmentId: v.departmentId === GLOBAL ? null : v.departmentId,
      sortOrder: v.sortOrder ?? 0,
    };
    const ok = await run(
      () =>
        editing === 'new'
          ? api.post('/api/conduct/canned-replies', body)
          : api.put(`/api/conduct/canned-replies/${(editing as TCannedReply).id}`, body),
      t('common.saved'),
    );
    if (ok) setEditing(null);
  };
  const remove = async (r: TCannedReply) => {
    try {
      await api.del(`/api/conduct/canned-replies/${r.id}`);
      message.success(t('common.saved'));
    } catch (e) {
      message.error(errorText(e, t('common.failed')));
    }
  };

  return (
    <>
      <PageHeader
        title={t('conduct.repliesTitle')}
        description={t('conduct.repliesDescription')}
        extra={
          manage && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => open('new')}>
              {t('conduct.addReply')}
            </Button>
          )
        }
      />
      <Space style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('conduct.scope')}
          style={{ minWidth: 220 }}
          value={scope ?? ''}
          onChange={(v) => setScope(v || undefined)}
          options={[{ value: '', label: t('conduct.allScopes') }, ...scopes]}
        />
      </Space>
      <Table<TCannedReply>
        rowKey="id"
        loading={replies.loading}
        dataSource={replies.data?.items ?? []}
        pagination={false}
        scroll={{ x: 760 }}
        locale={replies.error ? { emptyText: replies.error.message } : undefined}
        data-testid="canned-replies"
        columns={[
          { title: t('conduct.title'), dataIndex: 'title', width: 160 },
          { title: t('conduct.text'), dataIndex: 'text' },
          {
            title: t('conduct.scope'),
            dataIndex: 'departmentName',
            width: 160,
            render: (v: string | null) => v ?? t('conduct.global'),
          },
          { title: t('conduct.sortOrder'), dataIndex: 'sortOrder', width: 80 },
          ...(manage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 150,
                  render: (_: unknown, r: TCannedReply) => (
                    <Space size={0}>
                      <Button type="link" onClick={() => open(r)}>
                        {t('common.edit')}
                      </Button>
                      <Popconfirm
                        title={t('conduct.confirmDeleteReply', { title: r.title })}
                        onConfirm={() => remove(r)}
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
        title={editing === 'new' ? t('conduct.addReply') : t('conduct.editReply')}
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
            name="title"
            label={t('conduct.title')}
            rules={[{ required: true, whitespace: true, message: t('conduct.titleRequired') }]}
          >
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item
            name="text"
            label={t('conduct.text')}
            rules={[{ required: true, whitespace: true, message: t('conduct.textRequired') }]}
          >
            <Input.TextArea maxLength={1000} autoSize={{ minRows: 3 }} />
          </Form.Item>
          <Form.Item name="departmentId" label={t('conduct.scope')}>
            <Select options={scopes} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
          <Form.Item name="sortOrder" label={t('conduct.sortOrder')}>
            <InputNumber min={0} max={9999} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
