import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  Modal,
  Popconfirm,
  Row,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { ArrowLeftOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { api, errorText } from '../../api/client.js';
import { useLang, useT, type MessageKey } from '../../i18n/index.js';
import { formatDateTime, formatPlainDate } from '../../shared/format.js';
import { useApiQuery } from '../../api/query.js';
import { useDepartments } from '../../shared/useDepartments.js';
import { useSession } from '../../shared/session.js';
import { PageHeader } from '../PageHeader.js';
import { useSubmit } from '../useSubmit.js';
import { DiffModal } from './DiffView.js';
import { percent } from './EntryList.js';
import { RichText } from './RichText.js';
import './kb.css';
import { KB_STATUS_LABELS } from '../../../../src/contracts/enums/knowledge.js';
import { CATEGORY_LABELS, MATTER_CATEGORIES } from '../../../../src/contracts/enums/matters.js';
import type { KbAction } from '../../../../src/contracts/enums/knowledge.js';
import type { MatterCategory } from '../../../../src/contracts/enums/matters.js';
import type { TKbEntryDetail, TKbVersion } from '../../../../src/contracts/knowledge.js';
import type { TMatter } from '../../../../src/contracts/org.js';
import { KB_STATUS_COLORS } from '../../shared/statusColors.js';
import { useClearable } from '../../shared/clearable.js';
import { PlainDatePicker } from '../../shared/PlainDatePicker.js';

interface Fields {
  question: string;
  similar: string[];
  answer: string;
  matterId?: string | null;
  category: MatterCategory;
  departmentId?: string;
  tags: string[];
  validFrom?: string;
  validUntil?: string;
}

const FLOW: {
  action: Exclude<KbAction, 'edit' | 'restore_version'>;
  label: MessageKey;
  primary?: boolean;
  danger?: boolean;
  done: MessageKey;
}[] = [
  { action: 'submit', label: 'kb.actSubmit', primary: true, done: 'kb.doneSubmit' },
  { action: 'publish', label: 'kb.actPublish', primary: true, done: 'kb.donePublish' },
  { action: 'return', label: 'kb.actReturn', done: 'kb.doneReturn' },
  { action: 'withdraw', label: 'kb.actWithdraw', done: 'kb.doneWithdraw' },
  { action: 'reopen', label: 'kb.actReopen', done: 'kb.doneReopen' },
  { action: 'archive', label: 'kb.actArchive', danger: true, done: 'kb.doneArchive' },
];

/** One knowledge entry: its fields, the review workflow, its versions with a readable diff, and restore. */
export default function EntryEditor() {
  const t = useT();
  const clearable = useClearable();
  const { lang } = useLang();
  const { message } = App.useApp();
  const { can } = useSession();
  const navigate = useNavigate();
  const { id } = useParams();
  const [search] = useSearchParams();
  const isNew = !id;
  const [form] = Form.useForm<Fields>();
  const { busy, error, setError, run } = useSubmit(form);
  const depts = useDepartments();
  const entry = useApiQuery<TKbEntryDetail>(`/api/kb/entries/${id}`, undefined, { enabled: !isNew });
  const matters = useApiQuery<{ items: TMatter[] }>('/api/matters');
  const [returning, setReturning] = useState(false);
  const [acting, setActing] = useState<string>();
  const e = entry.data;
  const editable = isNew ? can('knowledge.edit') : !!e?.actions.includes('edit');
  const turnIds = useMemo(() => (search.get('turns') ?? '').split(',').filter(Boolean), [search]);

  useEffect(() => {
    setError(undefined);
    if (isNew) {
      form.resetFields();
      form.setFieldsValue({ question: search.get('question') ?? '', similar: [], tags: [], answer: '' });
    } else if (e) {
      form.setFieldsValue({ ...e, validFrom: e.validFrom ?? undefined, validUntil: e.validUntil ?? undefined });
    }
  }, [isNew, e, form, search, setError]);

  const save = async (v: Fields) => {
    const body = {
      question: v.question.trim(),
      similar: (v.similar ?? []).map((s) => s.trim()).filter(Boolean),
      answer: v.answer,
      matterId: v.matterId || null,
      category: v.category,
      tags: v.tags ?? [],
      validFrom: v.validFrom || null,
      validUntil: v.validUntil || null,
      ...(isNew && v.departmentId ? { departmentId: v.departmentId } : {}),
    };
    let created: TKbEntryDetail | undefined;
    const ok = await run(async () => {
      if (isNew) created = await api.post<TKbEntryDetail>('/api/kb/entries', body);
      else await api.patch<TKbEntryDetail>(`/api/kb/entries/${id}`, body);
    }, t('common.saved'));
    if (!ok) return;
    if (created) {
      if (turnIds.length) {
        try {
          await api.post('/api/bot/inbox/dismiss', { turnIds, reason: '已新建条目' });
          message.success(t('kb.inboxCleared', { n: turnIds.length }));
        } catch (err) {
          message.error(errorText(err, t('common.failed')));
        }
      }
      void navigate(`/admin/kb/${created.id}`, { replace: true });
    } else entry.reload();
  };

  const act = async (action: string, comment?: string, done?: MessageKey) => {
    setActing(action);
    try {
      await api.post(`/api/kb/entries/${id}/${action}`, comment ? { comment } : {});
      if (done) message.success(t(done));
      entry.reload();
      return true;
    } catch (err) {
      message.error(errorText(err, t('common.failed')));
      return false;
    } finally {
      setActing(undefined);
    }
  };

  const onMatter = (mid?: string) => {
    const m = matters.data?.items.find((x) => x.id === mid);
    if (m) form.setFieldsValue({ category: m.category, ...(isNew ? { departmentId: m.ownerDepartmentId } : {}) });
  };

  const title = isNew ? t('kb.newTitle') : e ? `${e.code} · ${e.question}` : t('kb.title');
  return (
    <div data-testid="entry-editor">
      <Link to="/admin/kb">
        <ArrowLeftOutlined aria-hidden /> {t('kb.backToList')}
      </Link>
      <div style={{ height: 8 }} />
      <PageHeader
        title={title}
        extra={
          e && (
            <Space wrap>
              <Tag color={KB_STATUS_COLORS[e.status]} data-testid="entry-status">
                {KB_STATUS_LABELS[e.status][lang]}
              </Tag>
              {FLOW.filter((f) => e.actions.includes(f.action)).map((f) =>
                f.action === 'return' ? (
                  <Button key={f.action} onClick={() => setReturning(true)}>
                    {t(f.label)}
                  </Button>
                ) : f.action === 'archive' ? (
                  <Popconfirm
                    key={f.action}
                    title={t('kb.confirmArchive')}
                    okText={t('common.confirm')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => act('archive', undefined, f.done)}
                  >
                    <Button danger loading={acting === f.action}>
                      {t(f.label)}
                    </Button>
                  </Popconfirm>
                ) : (
                  <Button
                    key={f.action}
                    type={f.primary ? 'primary' : 'default'}
                    loading={acting === f.action}
                    onClick={() => void act(f.action, undefined, f.done)}
                    data-testid={`act-${f.action}`}
                  >
                    {t(f.label)}
                  </Button>
                ),
              )}
            </Space>
          )
        }
      />
      {entry.error && <Alert type="error" showIcon title={entry.error.message} />}
      {e?.status === 'returned' && e.reviewComment && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('kb.returnedBecause')}
          description={e.reviewComment}
        />
      )}
      {e && !!e.liveVersion && e.status !== 'published' && e.status !== 'archived' && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('kb.liveNote', { n: e.liveVersion })} />
      )}
      {isNew && turnIds.length > 0 && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('kb.fromInbox', { n: turnIds.length })} />
      )}
      <Tabs
        items={[
          {
            key: 'content',
            label: t('kb.tabContent'),
            children: (
              <Row gutter={[24, 16]}>
                <Col xs={24} xl={16}>
                  {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
                  <Form<Fields>
                    form={form}
                    layout="vertical"
                    onFinish={save}
                    disabled={!editable || (!isNew && !e)}
                    initialValues={{ similar: [], tags: [], category: '水利' }}
                  >
                    <Form.Item
                      name="question"
                      label={t('kb.question')}
                      rules={[{ required: true, whitespace: true, message: t('kb.questionRequired') }]}
                    >
                      <Input maxLength={500} data-testid="entry-question" />
                    </Form.Item>
                    <Form.Item label={t('kb.similar')} extra={t('kb.similarHint')}>
                      <Form.List name="similar">
                        {(fields, { add, remove }) => (
                          <div data-testid="similar-list">
                            {fields.map((field, i) => (
                              <Space.Compact key={field.key} style={{ width: '100%', marginBottom: 6 }}>
                                <Form.Item
                                  name={field.name}
                                  noStyle
                                  rules={[{ required: true, whitespace: true, message: t('kb.similarEmpty') }]}
                                >
                                  <Input maxLength={500} aria-label={t('kb.similarN', { n: i + 1 })} />
                                </Form.Item>
                                <Button
                                  icon={<DeleteOutlined aria-hidden />}
                                  aria-label={t('kb.removeSimilar', { n: i + 1 })}
                                  onClick={() => remove(field.name)}
                                />
                              </Space.Compact>
                            ))}
                            <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add('')}>
                              {t('kb.addSimilar')}
                            </Button>
                          </div>
                        )}
                      </Form.List>
                    </Form.Item>
                    <Form.Item
                      name="answer"
                      label={<span id="kb-answer-label">{t('kb.answer')}</span>}
                      extra={t('kb.answerHint')}
                      rules={[
                        {
                          validator: (_, v: string) =>
                            v && v.replace(/<[^>]+>/g, '').trim()
                              ? Promise.resolve()
                              : Promise.reject(new Error(t('kb.answerRequired'))),
                        },
                      ]}
                    >
                      <RichText labelledBy="kb-answer-label" disabled={!editable} />
                    </Form.Item>
                    <Row gutter={16}>
                      <Col xs={24} md={12}>
                        <Form.Item name="matterId" label={t('kb.matter')}>
                          <Select
                            allowClear={clearable}
                            showSearch={{ optionFilterProp: 'label' }}
                            placeholder={t('kb.noMatter')}
                            onChange={onMatter}
                            options={(matters.data?.items ?? []).map((m) => ({
                              value: m.id,
                              label: `${m.name}（${m.ownerDepartmentName}）`,
                            }))}
                          />
                        </Form.Item>
                      </Col>
                      <Col xs={12} md={6}>
                        <Form.Item name="category" label={t('kb.category')} rules={[{ required: true }]}>
                          <Select
                            options={MATTER_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c][lang] }))}
                          />
                        </Form.Item>
                      </Col>
                      {isNew && (
                        <Col xs={12} md={6}>
                          <Form.Item name="departmentId" label={t('kb.department')} extra={t('kb.departmentHint')}>
                            <Select
                              allowClear={clearable}
                              showSearch={{ optionFilterProp: 'label' }}
                              options={depts.options}
                            />
                          </Form.Item>
                        </Col>
                      )}
                    </Row>
                    <Form.Item name="tags" label={t('kb.tags')} extra={t('kb.tagsHint')}>
                      <Select
                        mode="tags"
                        tokenSeparators={[',', '，', ' ']}
                        open={false}
                        suffixIcon={null}
                        aria-label={t('kb.tags')}
                      />
                    </Form.Item>
                    <Row gutter={16}>
                      <Col xs={12} md={8}>
                        <Form.Item name="validFrom" label={t('kb.validFrom')}>
                          <PlainDatePicker />
                        </Form.Item>
                      </Col>
                      <Col xs={12} md={8}>
                        <Form.Item name="validUntil" label={t('kb.validUntil')}>
                          <PlainDatePicker />
                        </Form.Item>
                      </Col>
                    </Row>
                    {editable && (
                      <Space>
                        <Button type="primary" htmlType="submit" loading={busy} data-testid="entry-save">
                          {isNew ? t('kb.createDraft') : t('kb.saveDraft')}
                        </Button>
                        {!isNew && <Typography.Text type="secondary">{t('kb.saveHint')}</Typography.Text>}
                      </Space>
                    )}
                  </Form>
                </Col>
                {e && (
                  <Col xs={24} xl={8}>
                    <Card size="small" title={t('kb.facts')}>
                      <Descriptions
                        column={1}
                        size="small"
                        items={[
                          { key: 'dept', label: t('kb.department'), children: e.departmentName },
                          {
                            key: 'live',
                            label: t('kb.liveVersion'),
                            children: e.liveVersion ? t('kb.versionN', { n: e.liveVersion }) : t('kb.notPublished'),
                          },
                          {
                            key: 'rev',
                            label: t('kb.lastReviewed'),
                            children: formatDateTime(e.stats.lastReviewedAt, lang) || '—',
                          },
                          { key: 'shown', label: t('kb.shown'), children: e.stats.shown },
                          {
                            key: 'fb',
                            label: t('kb.solveRate'),
                            children: `${percent(e.stats.solveRate)}（${t('kb.solvedN', { s: e.stats.solved, u: e.stats.unsolved })}）`,
                          },
                          { key: 'upd', label: t('kb.updatedAt'), children: formatDateTime(e.updatedAt, lang) },
                        ]}
                      />
                      {!!e.policies?.length && (
                        <>
                          <Typography.Title level={3} style={{ fontSize: 14, marginTop: 8 }}>
                            {t('kb.linkedPolicies')}
                          </Typography.Title>
                          <ul style={{ paddingLeft: 18, margin: 0 }}>
                            {e.policies.map((p) => (
                              <li key={p.id}>
                                {p.title}
                                {p.publishBy
                                  ? `（${t('policy.publishBy')}：${formatPlainDate(p.publishBy, lang)}）`
                                  : ''}
                              </li>
                            ))}
                          </ul>
                        </>
                      )}
                    </Card>
                  </Col>
                )}
              </Row>
            ),
          },
          ...(e
            ? [
                {
                  key: 'versions',
                  label: t('kb.tabVersions'),
                  children: <Versions entry={e} onRestored={() => entry.reload()} />,
                },
              ]
            : []),
        ]}
      />
      <ReturnModal
        open={returning}
        onClose={() => setReturning(false)}
        onSubmit={async (c) => {
          if (await act('return', c, 'kb.doneReturn')) setReturning(false);
        }}
      />
    </div>
  );
}

function ReturnModal({
  open,
  onClose,
  onSubmit,
}: {
  open: boolean;
  onClose(): void;
  onSubmit(comment: string): Promise<void>;
}) {
  const t = useT();
  const [form] = Form.useForm<{ comment: string }>();
  return (
    <Modal
      open={open}
      title={t('kb.actReturn')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('kb.actReturn')}
      cancelText={t('common.cancel')}
      destroyOnHidden
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={(v) => onSubmit(v.comment.trim())}>
        <Form.Item
          name="comment"
          label={t('kb.returnComment')}
          rules={[{ required: true, whitespace: true, message: t('kb.returnCommentRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Versions({ entry, onRestored }: { entry: TKbEntryDetail; onRestored(): void }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const versions = useApiQuery<{ items: TKbVersion[] }>(`/api/kb/entries/${entry.id}/versions`);
  const [diff, setDiff] = useState<{ from: number; to: number | 'working' } | null>(null);
  const restore = async (v: number) => {
    try {
      await api.post(`/api/kb/entries/${entry.id}/versions/${v}/restore`, {});
      message.success(t('kb.restored', { n: v }));
      onRestored();
    } catch (e) {
      message.error(errorText(e, t('common.failed')));
    }
  };
  const working = entry.status !== 'published' && entry.status !== 'archived';
  return (
    <>
      <Typography.Paragraph type="secondary">{t('kb.versionsHint')}</Typography.Paragraph>
      <Table<TKbVersion>
        rowKey="version"
        size="small"
        loading={versions.loading}
        dataSource={versions.data?.items ?? []}
        pagination={false}
        scroll={{ x: 800 }}
        locale={versions.error ? { emptyText: versions.error.message } : { emptyText: t('kb.noVersions') }}
        columns={[
          {
            title: t('kb.version'),
            dataIndex: 'version',
            width: 80,
            render: (v: number) => (
              <>
                {t('kb.versionN', { n: v })}
                {v === entry.liveVersion && (
                  <Tag color="success" style={{ marginLeft: 4 }}>
                    {t('kb.current')}
                  </Tag>
                )}
              </>
            ),
          },
          {
            title: t('kb.publishedAt'),
            dataIndex: 'publishedAt',
            width: 160,
            render: (v: string) => formatDateTime(v, lang),
          },
          { title: t('kb.author'), dataIndex: 'authorName', width: 120, render: (v: string | null) => v ?? '—' },
          { title: t('kb.reviewer'), dataIndex: 'reviewerName', width: 120, render: (v: string | null) => v ?? '—' },
          { title: t('kb.note'), dataIndex: 'note', render: (v: string | null) => v ?? '' },
          {
            title: t('common.actions'),
            key: 'a',
            width: 280,
            render: (_, v) => (
              <Space size={0} wrap>
                {v.version > 1 && (
                  <Button type="link" size="small" onClick={() => setDiff({ from: v.version - 1, to: v.version })}>
                    {t('kb.compareWithPrev')}
                  </Button>
                )}
                {working && (
                  <Button type="link" size="small" onClick={() => setDiff({ from: v.version, to: 'working' })}>
                    {t('kb.compareWithWorking')}
                  </Button>
                )}
                {entry.actions.includes('restore_version') && (
                  <Popconfirm
                    title={t('kb.confirmRestore', { n: v.version })}
                    okText={t('common.confirm')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => restore(v.version)}
                  >
                    <Button type="link" size="small">
                      {t('kb.restore')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <DiffModal entryId={entry.id} from={diff?.from ?? 1} to={diff ? diff.to : null} onClose={() => setDiff(null)} />
    </>
  );
}
