import { useState } from 'react';
import { App, Button, Form, Grid, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { api, errorText } from '../../api/client.js';
import { useLang, useT } from '../../i18n/index.js';
import { formatDateTime } from '../../shared/format.js';
import { useApiQuery } from '../../api/query.js';
import { useSession } from '../../shared/session.js';
import { PageHeader } from '../PageHeader.js';
import { useUrlFilters } from '../useUrlFilters.js';
import { PROPOSAL_SOURCE_LABELS, PROPOSAL_STATUS_LABELS } from '../../../../src/contracts/enums/knowledge.js';
import type { ProposalStatus } from '../../../../src/contracts/enums/knowledge.js';
import type { TKbEntry, TKbProposal } from '../../../../src/contracts/knowledge.js';
import { PROPOSAL_STATUS_COLORS } from '../../shared/statusColors.js';

/** 知识提议: good answers from live help, phone and staff, proposed to the owner department's KB. */
export default function ProposalsPage() {
  const t = useT();
  // on a wide screen the actions stay in view while the other columns scroll
  const wide = Grid.useBreakpoint().md;
  const { lang } = useLang();
  const { can } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [f, setF] = useUrlFilters(['status'] as const);
  const status = f.status || 'open';
  const list = useApiQuery<{ items: TKbProposal[] }>('/api/kb/proposals', {
    status: status === 'all' ? undefined : status,
  });
  const [rejecting, setRejecting] = useState<TKbProposal | null>(null);
  const [form] = Form.useForm<{ note: string }>();
  const decide = can('knowledge.decideProposals');

  const accept = async (p: TKbProposal) => {
    try {
      const r = await api.post<{ entry: TKbEntry }>(`/api/kb/proposals/${p.id}/accept`, {});
      message.success(t('proposal.accepted'));
      void navigate(`/admin/kb/${r.entry.id}`);
    } catch (e) {
      message.error(errorText(e, t('common.failed')));
    }
  };
  const reject = async (v: { note: string }) => {
    try {
      await api.post(`/api/kb/proposals/${rejecting!.id}/reject`, { note: v.note.trim() });
      message.success(t('proposal.rejected'));
      setRejecting(null);
      list.reload();
    } catch (e) {
      message.error(errorText(e, t('common.failed')));
    }
  };

  return (
    <>
      <PageHeader title={t('proposal.title')} description={t('proposal.description')} />
      <Space wrap style={{ marginBottom: 16 }} role="search" aria-label={t('common.filters')}>
        <Select
          aria-label={t('common.status')}
          style={{ width: 140 }}
          value={status}
          onChange={(v: string) => setF({ status: v === 'open' ? undefined : v })}
          options={[
            ...(Object.keys(PROPOSAL_STATUS_LABELS) as ProposalStatus[]).map((s) => ({
              value: s,
              label: PROPOSAL_STATUS_LABELS[s][lang],
            })),
            { value: 'all', label: t('proposal.all') },
          ]}
        />
      </Space>
      <Table<TKbProposal>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 1000 }}
        locale={list.error ? { emptyText: list.error.message } : { emptyText: t('proposal.empty') }}
        columns={[
          { title: t('proposal.question'), dataIndex: 'question', width: 240 },
          {
            title: t('proposal.answer'),
            dataIndex: 'answer',
            render: (v: string) => (
              <Typography.Paragraph
                style={{ margin: 0, whiteSpace: 'pre-wrap' }}
                ellipsis={{ rows: 4, expandable: true, symbol: t('proposal.more') }}
              >
                {v}
              </Typography.Paragraph>
            ),
          },
          {
            title: t('proposal.source'),
            dataIndex: 'source',
            width: 110,
            render: (s: TKbProposal['source']) => PROPOSAL_SOURCE_LABELS[s]?.[lang] ?? s,
          },
          {
            title: t('proposal.department'),
            dataIndex: 'departmentName',
            width: 120,
            render: (v: string | null) => v ?? '—',
          },
          {
            title: t('proposal.createdAt'),
            dataIndex: 'createdAt',
            width: 150,
            render: (v: string) => formatDateTime(v, lang),
          },
          {
            title: t('common.status'),
            dataIndex: 'status',
            width: 150,
            render: (s: ProposalStatus, p) => (
              <>
                <Tag color={PROPOSAL_STATUS_COLORS[s]}>{PROPOSAL_STATUS_LABELS[s][lang]}</Tag>
                {p.decisionNote && (
                  <div>
                    <Typography.Text type="secondary">{p.decisionNote}</Typography.Text>
                  </div>
                )}
              </>
            ),
          },
          ...(decide
            ? [
                {
                  title: t('common.actions'),
                  key: 'a',
                  width: 170,
                  fixed: wide ? ('right' as const) : undefined,
                  render: (_: unknown, p: TKbProposal) =>
                    p.status === 'open' ? (
                      <Space size={0}>
                        <Popconfirm
                          title={t('proposal.confirmAccept')}
                          okText={t('common.confirm')}
                          cancelText={t('common.cancel')}
                          onConfirm={() => accept(p)}
                        >
                          <Button type="link" size="small">
                            {t('proposal.accept')}
                          </Button>
                        </Popconfirm>
                        <Button
                          type="link"
                          size="small"
                          danger
                          onClick={() => {
                            form.resetFields();
                            setRejecting(p);
                          }}
                        >
                          {t('proposal.reject')}
                        </Button>
                      </Space>
                    ) : p.entryId ? (
                      <Button type="link" size="small" onClick={() => navigate(`/admin/kb/${p.entryId}`)}>
                        {t('proposal.openEntry')}
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={!!rejecting}
        title={t('proposal.reject')}
        onCancel={() => setRejecting(null)}
        onOk={() => form.submit()}
        okText={t('proposal.reject')}
        cancelText={t('common.cancel')}
        forceRender
      >
        <Form form={form} layout="vertical" onFinish={reject}>
          <Form.Item
            name="note"
            label={t('proposal.note')}
            rules={[{ required: true, whitespace: true, message: t('proposal.noteRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
