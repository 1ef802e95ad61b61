import { useState } from 'react';
import { App, Button, Descriptions, Drawer, Space, Tag, Timeline, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { api, errorText } from '../api/client.js';
import { useApiQuery } from '../api/query.js';
import { useLang, useT, type MessageKey } from '../i18n/index.js';
import { formatDateTime } from '../shared/format.js';
import { useDepartments } from '../shared/useDepartments.js';
import type { TWorkOrder, TWorkOrderHistory } from '../../../src/contracts/work-orders.js';
import {
  WORK_ORDER_SOURCE_LABELS,
  WORK_ORDER_STATUS_LABELS,
  WORK_ORDER_TYPE_LABELS,
} from '../../../src/contracts/enums/work-orders.js';
import { RATING_LABELS } from '../../../src/contracts/enums/bot.js';
import { ORDER_STATUS_COLORS } from './labels.js';
import { ActionDialog, type OrderAction } from './ActionDialog.js';

/** Opens the annex 6 PDF (the browser's viewer prints it). */
function printWindowRecord(id: string): void {
  window.open(`/api/work-orders/${encodeURIComponent(id)}/window-record.pdf`, '_blank', 'noopener');
}

const DETAIL_LABELS: Record<string, MessageKey> = {
  matter: 'window.matter',
  problem: 'window.problem',
  occurredOn: 'orders.occurredOn',
  description: 'orders.moreInfo',
  reporterName: 'window.reporter',
  reportedAt: 'window.reportedAt',
  acceptedBy: 'orders.acceptedBy',
};

/** One order: what was asked, where it is, its history, and the buttons of the moves this user may make. */
export function OrderDrawer({ id, onClose, onChanged }: { id: string | null; onClose(): void; onChanged(): void }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const depts = useDepartments();
  const order = useApiQuery<TWorkOrder>(`/api/work-orders/${id}`, undefined, { enabled: !!id });
  const history = useApiQuery<TWorkOrderHistory>(`/api/work-orders/${id}/history`, undefined, { enabled: !!id });
  const [action, setAction] = useState<OrderAction | null>(null);
  const [phone, setPhone] = useState<Record<string, string>>({});
  const o = id ? order.data : undefined;
  const reveal = async () => {
    if (!o) return;
    try {
      const r = await api.post<{ phone: string }>(`/api/work-orders/${o.id}/phone`, {});
      setPhone((m) => ({ ...m, [o.id]: r.phone }));
    } catch (e) {
      message.error(errorText(e, t('common.failed')));
    }
  };
  const yesNo = (v: boolean | null) => (v === null ? '—' : t(v ? 'common.yes' : 'common.no'));
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      width={Math.min(640, window.innerWidth)}
      title={o ? t('orders.detail', { number: o.number }) : t('common.loading')}
      destroyOnHidden
    >
      {o && o.id === id && (
        <>
          <Space wrap style={{ marginBottom: 12 }} data-testid="order-actions">
            <Tag color={ORDER_STATUS_COLORS[o.status]}>{WORK_ORDER_STATUS_LABELS[o.status][lang]}</Tag>
            {o.overdue && <Tag color="error">{t('orders.overdue')}</Tag>}
            {o.actions.map((a) => (
              <Button
                key={a}
                type={a === 'close' || a === 'reply' || a === 'dispatch' ? 'primary' : 'default'}
                onClick={() => setAction(a)}
              >
                {t(`orders.action.${a}` as MessageKey)}
              </Button>
            ))}
            {o.source === 'offline_report' && o.canPrintRecord && (
              <Button icon={<PrinterOutlined aria-hidden />} onClick={() => printWindowRecord(o.id)}>
                {t('orders.printRecord')}
              </Button>
            )}
          </Space>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('orders.titleCol')}>{o.title}</Descriptions.Item>
            <Descriptions.Item label={t('orders.content')}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{o.content}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('orders.source')}>
              {WORK_ORDER_SOURCE_LABELS[o.source][lang]} · {WORK_ORDER_TYPE_LABELS[o.type][lang]}
              {o.externalNo && ` · ${o.externalNo}`}
            </Descriptions.Item>
            <Descriptions.Item label={t('orders.citizen')}>
              {o.citizenName ?? '—'} {phone[o.id] ?? o.citizenPhone}
              {o.citizenPhone && !phone[o.id] && (
                <Button type="link" size="small" onClick={() => void reveal()}>
                  {t('orders.reveal')}
                </Button>
              )}
            </Descriptions.Item>
            {Object.entries(o.details)
              .filter(([k, v]) => DETAIL_LABELS[k] && v)
              .map(([k, v]) => (
                <Descriptions.Item key={k} label={t(DETAIL_LABELS[k])}>
                  {k === 'reportedAt' ? formatDateTime(String(v), lang) : String(v)}
                </Descriptions.Item>
              ))}
            <Descriptions.Item label={t('orders.department')}>
              {o.departmentId ? depts.nameOf(o.departmentId) : t('orders.notDispatched')}
              {o.coDepartmentIds.length > 0 &&
                ` · ${t('orders.coDepartments')}: ${o.coDepartmentIds.map((d) => depts.nameOf(d)).join('、')}`}
            </Descriptions.Item>
            <Descriptions.Item label={t('orders.receivedAt')}>{formatDateTime(o.receivedAt, lang)}</Descriptions.Item>
            <Descriptions.Item label={t('orders.dueAt')}>
              {formatDateTime(o.dueAt, lang)}（{o.limitDays}）
            </Descriptions.Item>
            {o.contactDueAt && (
              <Descriptions.Item label={t('orders.contactDueAt')}>
                {formatDateTime(o.contactDueAt, lang)}
              </Descriptions.Item>
            )}
            {o.returnReason && <Descriptions.Item label={t('orders.returnReason')}>{o.returnReason}</Descriptions.Item>}
            {o.extensionReason && (
              <Descriptions.Item label={t('orders.extension')}>
                {o.extensionDays} · {o.extensionReason}
              </Descriptions.Item>
            )}
            {o.reply && (
              <>
                <Descriptions.Item label={t('orders.reply')}>
                  <span style={{ whiteSpace: 'pre-wrap' }}>{o.reply}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('orders.resolved')}>
                  {yesNo(o.resolved)}
                  {o.unresolvedReason && ` · ${o.unresolvedReason}`}
                </Descriptions.Item>
                <Descriptions.Item label={t('orders.handler')}>
                  {o.handlerName} {o.handlerPhone}
                </Descriptions.Item>
                <Descriptions.Item label={t('orders.onTime')}>{yesNo(o.onTime)}</Descriptions.Item>
              </>
            )}
            {o.satisfaction && (
              <Descriptions.Item label={t('orders.satisfaction')}>
                {RATING_LABELS[o.satisfaction as 1 | 2 | 3 | 4 | 5][lang]}
                {o.callbackNote && ` · ${o.callbackNote}`}
              </Descriptions.Item>
            )}
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('orders.history')}
          </Typography.Title>
          <Timeline
            items={(history.data?.items ?? []).map((e) => ({
              key: e.id,
              children: (
                <>
                  <strong>{e.typeLabel?.[lang] ?? e.type}</strong> · {e.actor ?? ''} · {formatDateTime(e.at, lang)}
                  {typeof e.data.reason === 'string' && <div>{e.data.reason}</div>}
                </>
              ),
            }))}
          />
          <ActionDialog
            order={o}
            action={action}
            onClose={() => setAction(null)}
            onDone={(left) => {
              setAction(null);
              message.success(t('orders.saved'));
              onChanged();
              if (left) return onClose(); // returned: no longer this department's to see
              order.reload();
              history.reload();
            }}
          />
        </>
      )}
      {order.error && <Typography.Text type="danger">{errorText(order.error, t('common.failed'))}</Typography.Text>}
    </Drawer>
  );
}
