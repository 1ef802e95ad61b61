import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Form, Grid, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api } from '../../api/client.js';
import { useLang, useT } from '../../i18n/index.js';
import { formatPlainDate } from '../../shared/format.js';
import { useApiQuery } from '../../api/query.js';
import { useDepartments } from '../../shared/useDepartments.js';
import { useSession } from '../../shared/session.js';
import { PageHeader } from '../PageHeader.js';
import { useSubmit } from '../useSubmit.js';
import { useUrlFilters } from '../useUrlFilters.js';
import { POLICY_STATUS_LABELS } from '../../../../src/contracts/enums/knowledge.js';
import type { PolicyStatus } from '../../../../src/contracts/enums/knowledge.js';
import type { TKbEntry, TPolicyDoc } from '../../../../src/contracts/knowledge.js';
import { POLICY_STATUS_COLORS } from '../../shared/statusColors.js';
import { useClearable } from '../../shared/clearable.js';
import { PlainDatePicker } from '../../shared/PlainDatePicker.js';

/** 政策文件: policy documents whose Q&As must be published 15 working days before they take effect. */
export default function PoliciesPage() {
  const t = useT();
  // on a wide screen the actions stay in view while the other columns scroll
  const wide = Grid.useBreakpoint().md;
  const clearable = useClearable();
  const { lang } = useLang();
  const { can } = useSession();
  const depts = useDepartments();
  const [f, setF] = useUrlFilters(['status'] as const);
  const list = useApiQuery<{ items: TPolicyDoc[] }>('/api/kb/policies', { status: f.status });
  const attention = useApiQuery<{ late: TPolicyDoc[]; upcoming: TPolicyDoc[] }>('/api/kb/policies/attention');
  const [editing, setEditing] = useState<TPolicyDoc | 'new' | null>(null);
  const manage = can('knowledge.managePolicies');
  const late = attention.data?.late ?? [];
  const upcoming = attention.data?.upcoming ?? [];

  return (
    <>
      <PageHeader
        title={t('policy.title')}
        description={t('policy.description')}
        extra={
          manage && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
              {t('policy.create')}
            </Button>
          )
        }
      />
      {late.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('policy.lateAlert', { n: late.length })}
          description={late.map((p) => p.title).join('；')}
        />
      )}
      {upcoming.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('policy.upcomingAlert', { n: upcoming.length })}
          description={upcoming
            .map((p) => `${p.title}（${t('policy.publishBy')} ${formatPlainDate(p.publishBy, lang)}）`)
            .join('；')}
        />
      )}
      <Space wrap style={{ marginBottom: 16 }} role="search" aria-label={t('common.filters')}>
        <Select
          allowClear={clearable}
          placeholder={t('policy.allStatuses')}
          aria-label={t('common.status')}
          style={{ width: 160 }}
          value={f.status || undefined}
          options={(Object.keys(POLICY_STATUS_LABELS) as PolicyStatus[]).map((s) => ({
            value: s,
            label: POLICY_STATUS_LABELS[s][lang],
          }))}
          onChange={(v?: string) => setF({ status: v })}
        />
      </Space>
      <Table<TPolicyDoc>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 1000 }}
        locale={list.error ? { emptyText: list.error.message } : { emptyText: t('policy.empty') }}
        columns={[
          {
            title: t('policy.titleField'),
            dataIndex: 'title',
            render: (v: string, p) => (
              <>
                {v}
                {p.docNumber && (
                  <div>
                    <Typography.Text type="secondary">{p.docNumber}</Typography.Text>
                  </div>
                )}
              </>
            ),
          },
          { title: t('policy.department'), dataIndex: 'draftingDepartmentName', width: 130 },
          {
            title: t('policy.effectiveDate'),
            dataIndex: 'effectiveDate',
            width: 140,
            render: (v: string) => formatPlainDate(v, lang),
          },
          {
            title: t('policy.publishBy'),
            dataIndex: 'publishBy',
            width: 140,
            render: (v: string) => <strong>{formatPlainDate(v, lang)}</strong>,
          },
          {
            title: t('common.status'),
            dataIndex: 'status',
            width: 130,
            render: (s: PolicyStatus, p) => (
              <Space direction="vertical" size={0}>
                <Tag color={POLICY_STATUS_COLORS[s]}>{POLICY_STATUS_LABELS[s][lang]}</Tag>
                {s !== 'on_time' && p.workingDaysLeft !== null && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {p.workingDaysLeft >= 0
                      ? t('policy.daysLeft', { n: p.workingDaysLeft })
                      : t('policy.daysLate', { n: -p.workingDaysLeft })}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: t('policy.entries'),
            key: 'entries',
            width: 140,
            render: (_, p) =>
              p.entries.length ? (
                t('policy.entriesPublished', { p: p.entries.filter((e) => e.published).length, n: p.entries.length })
              ) : (
                <Typography.Text type="warning">{t('policy.noEntries')}</Typography.Text>
              ),
          },
          ...(manage
            ? [
                {
                  title: t('common.actions'),
                  key: 'a',
                  width: 90,
                  fixed: wide ? ('right' as const) : undefined,
                  render: (_: unknown, p: TPolicyDoc) => (
                    <Button type="link" size="small" onClick={() => setEditing(p)}>
                      {t('common.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <PolicyModal
        policy={editing}
        departments={depts.options}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          list.reload();
        }}
      />
    </>
  );
}

interface Fields {
  title: string;
  docNumber?: string;
  draftingDepartmentId?: string;
  effectiveDate: string;
  entryIds: string[];
}

function PolicyModal({
  policy,
  departments,
  onClose,
  onSaved,
}: {
  policy: TPolicyDoc | 'new' | null;
  departments: { value: string; label: string }[];
  onClose(): void;
  onSaved(): void;
}) {
  const t = useT();
  const clearable = useClearable();
  const { lang } = useLang();
  const [form] = Form.useForm<Fields>();
  const { busy, error, setError, run } = useSubmit(form);
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const [saved, setSaved] = useState<TPolicyDoc>();
  const timer = useRef<number>(undefined);
  const isNew = policy === 'new';

  useEffect(() => {
    if (!policy) return;
    setError(undefined);
    setSaved(undefined);
    form.resetFields();
    if (policy !== 'new') {
      form.setFieldsValue({
        title: policy.title,
        docNumber: policy.docNumber ?? undefined,
        draftingDepartmentId: policy.draftingDepartmentId,
        effectiveDate: policy.effectiveDate,
        entryIds: policy.entries.map((e) => e.id),
      });
      void api.get<{ items: TKbEntry[] }>('/api/kb/entries', { policyId: policy.id, pageSize: 200 }).then(
        (r) => setOptions(r.items.map((e) => ({ value: e.id, label: `${e.code} ${e.question}` }))),
        () => undefined,
      );
    } else setOptions([]);
  }, [policy, form, setError]);

  const search = (q: string) => {
    window.clearTimeout(timer.current);
    if (!q.trim()) return;
    timer.current = window.setTimeout(async () => {
      const r = await api
        .get<{ items: TKbEntry[] }>('/api/kb/entries', { q: q.trim().slice(0, 60), pageSize: 30 })
        .catch(() => null);
      if (!r) return;
      const chosen = new Set((form.getFieldValue('entryIds') as string[]) ?? []);
      setOptions((old) => [
        ...old.filter((o) => chosen.has(o.value)),
        ...r.items.filter((e) => !chosen.has(e.id)).map((e) => ({ value: e.id, label: `${e.code} ${e.question}` })),
      ]);
    }, 250);
  };

  const save = async (v: Fields) => {
    const body = {
      title: v.title.trim(),
      docNumber: v.docNumber?.trim() || null,
      effectiveDate: v.effectiveDate,
      entryIds: v.entryIds ?? [],
      ...(v.draftingDepartmentId ? { draftingDepartmentId: v.draftingDepartmentId } : {}),
    };
    let p: TPolicyDoc | undefined;
    const ok = await run(async () => {
      p = isNew
        ? await api.post<TPolicyDoc>('/api/kb/policies', body)
        : await api.patch<TPolicyDoc>(`/api/kb/policies/${(policy as TPolicyDoc).id}`, body);
    }, t('common.saved'));
    if (ok && p) setSaved(p);
  };

  return (
    <Modal
      open={!!policy}
      title={isNew ? t('policy.create') : t('policy.edit')}
      onCancel={saved ? onSaved : onClose}
      width={640}
      destroyOnHidden
      forceRender
      footer={
        saved ? (
          <Button type="primary" onClick={onSaved}>
            {t('policy.done')}
          </Button>
        ) : (
          [
            <Button key="c" onClick={onClose}>
              {t('common.cancel')}
            </Button>,
            <Button key="s" type="primary" loading={busy} onClick={() => form.submit()}>
              {t('common.save')}
            </Button>,
          ]
        )
      }
    >
      {saved && (
        <Alert
          type={saved.status === 'late' ? 'error' : saved.status === 'due_soon' ? 'warning' : 'success'}
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="policy-publish-by"
          title={t('policy.savedPublishBy', {
            date: formatPlainDate(saved.publishBy, lang),
            effective: formatPlainDate(saved.effectiveDate, lang),
          })}
          description={POLICY_STATUS_LABELS[saved.status][lang]}
        />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<Fields> form={form} layout="vertical" onFinish={save} disabled={!!saved}>
        <Form.Item
          name="title"
          label={t('policy.titleField')}
          rules={[{ required: true, whitespace: true, message: t('policy.titleRequired') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="docNumber" label={t('policy.docNumber')}>
          <Input maxLength={100} placeholder="沪水务〔2026〕1号" />
        </Form.Item>
        <Form.Item name="draftingDepartmentId" label={t('policy.department')} extra={t('policy.departmentHint')}>
          <Select allowClear={clearable} showSearch={{ optionFilterProp: 'label' }} options={departments} />
        </Form.Item>
        <Form.Item
          name="effectiveDate"
          label={t('policy.effectiveDate')}
          extra={t('policy.publishByHint')}
          rules={[{ required: true, message: t('policy.effectiveRequired') }]}
        >
          <PlainDatePicker />
        </Form.Item>
        <Form.Item name="entryIds" label={t('policy.entries')} extra={t('policy.entriesHint')}>
          <Select
            mode="multiple"
            showSearch={{ filterOption: false, onSearch: search }}
            options={options}
            placeholder={t('policy.entriesPlaceholder')}
          />
        </Form.Item>
        {policy && policy !== 'new' && !saved && (
          <Typography.Paragraph type="secondary">
            {t('policy.currentPublishBy', { date: formatPlainDate(policy.publishBy, lang) })}
          </Typography.Paragraph>
        )}
      </Form>
    </Modal>
  );
}
