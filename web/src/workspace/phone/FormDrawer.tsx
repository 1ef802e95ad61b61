import { useEffect, useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, Descriptions, Drawer, Form, Input, Radio, Space, Tag, Typography } from 'antd';
import { api, errorText } from '../../api/client.js';
import { useApiQuery } from '../../api/query.js';
import { pick, useLang, useT } from '../../i18n/index.js';
import { useSession } from '../../shared/session.js';
import { formatDate, formatDateTime, formatPlainDate } from '../../shared/format.js';
import { PlainDatePicker } from '../../shared/PlainDatePicker.js';
import type { TPhoneForm } from '../../../../src/contracts/phone.js';
import { DepartmentModal, FORM_STATUS_COLORS, printForm } from './phone-ui.js';

/** One phone transfer form (annex 3's fields) with the moves this user may make on it now. */
export function FormDrawer({ id, onClose, onChanged }: { id: string | null; onClose(): void; onChanged(): void }) {
  const t = useT();
  const { lang } = useLang();
  const form = useApiQuery<TPhoneForm>(`/api/phone/forms/${id ?? ''}`, undefined, { enabled: !!id });
  const f = id && form.data?.id === id ? form.data : undefined;
  const done = () => {
    form.reload();
    onChanged();
  };
  // the drawer's body scrolls on a phone: a tab stop lets a keyboard user scroll it (WCAG 2.1.1)
  useEffect(() => {
    if (f) document.querySelector<HTMLElement>('.bb-phone-drawer .ant-drawer-body')?.setAttribute('tabindex', '0');
  }, [f]);
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      rootClassName="bb-phone-drawer"
      // the whole screen on a phone, 720 px beside the list on a desk
      width="min(720px, 100vw)"
      title={f ? t('phone.formDetail', { number: f.number }) : ''}
      extra={
        f && (
          <Button onClick={() => printForm(f.id)} data-testid="phone-print">
            {t('phone.print')}
          </Button>
        )
      }
    >
      {form.error && <Alert type="error" showIcon message={form.error.message} />}
      {f && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="phone-form-detail">
          <Descriptions bordered size="small" column={1}>
            <Descriptions.Item label={t('phone.number')}>{f.number}</Descriptions.Item>
            <Descriptions.Item label={t('phone.createdOn')}>{formatPlainDate(f.createdOn, lang)}</Descriptions.Item>
            <Descriptions.Item label={t('phone.status')}>
              <Tag color={FORM_STATUS_COLORS[f.status]}>{pick(f.statusLabel, lang)}</Tag>
              {f.overdue && <Tag color="error">{t('phone.overdue')}</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label={t('phone.type')}>{pick(f.typeLabel, lang)}</Descriptions.Item>
            <Descriptions.Item label={t('phone.callerName')}>{f.callerName}</Descriptions.Item>
            <Descriptions.Item label={t('phone.phone')}>{f.phone}</Descriptions.Item>
            <Descriptions.Item label={t('phone.department')}>{pick(f.department.name, lang)}</Descriptions.Item>
            <Descriptions.Item label={t('phone.dueAt')}>{formatDateTime(f.dueAt, lang)}</Descriptions.Item>
            {f.matter && <Descriptions.Item label={t('phone.matter')}>{f.matter.name}</Descriptions.Item>}
            <Descriptions.Item label={t('phone.content')}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{f.content}</span>
            </Descriptions.Item>
            {f.reply !== null && (
              <>
                <Descriptions.Item label={t('phone.reply')}>
                  <span style={{ whiteSpace: 'pre-wrap' }}>{f.reply}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('phone.answeredQ')}>
                  {f.answered ? t('phone.yes') : t('phone.no')}
                </Descriptions.Item>
                <Descriptions.Item label={t('phone.handlerName')}>
                  {f.handlerName} · {t('phone.headName')} {f.headName} · {f.replyOn && formatPlainDate(f.replyOn, lang)}
                </Descriptions.Item>
              </>
            )}
            {f.returnReason && f.status === 'returned' && (
              <Descriptions.Item label={t('phone.returnReason')}>{f.returnReason}</Descriptions.Item>
            )}
            {f.kbUpdated !== null && (
              <Descriptions.Item label={f.kbUpdated ? t('phone.kbEntryOn') : t('phone.noKbReason')}>
                {f.kbUpdated ? (f.kbEntryOn ? formatPlainDate(f.kbEntryOn, lang) : t('phone.kbPending')) : f.noKbReason}
              </Descriptions.Item>
            )}
            {f.closedAt && (
              <Descriptions.Item label={t('phone.closedAt')}>{formatDate(f.closedAt, lang)}</Descriptions.Item>
            )}
            <Descriptions.Item label={t('phone.windowContact')}>{f.windowContact}</Descriptions.Item>
          </Descriptions>
          {f.actions.includes('reply') && <ReplyForm f={f} onDone={done} />}
          {f.actions.includes('return') && <ReturnForm f={f} onDone={done} />}
          {f.actions.includes('retransfer') && <Retransfer f={f} onDone={done} />}
          {f.actions.includes('close') && <CloseForm f={f} onDone={done} />}
        </Space>
      )}
    </Drawer>
  );
}

/** Posts one move; shows the server's words on failure. */
function useMove(f: TPhoneForm, path: string, success: string, onDone: () => void) {
  const t = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const run = async (body: unknown) => {
    setBusy(true);
    setError(undefined);
    try {
      await api.post(`/api/phone/forms/${f.id}/${path}`, body);
      message.success(success);
      onDone();
    } catch (e) {
      setError(errorText(e, t('common.failed')));
    } finally {
      setBusy(false);
    }
  };
  const errorNode: ReactNode = error && (
    <Typography.Paragraph type="danger" role="alert">
      {error}
    </Typography.Paragraph>
  );
  return { busy, run, errorNode };
}

function ReplyForm({ f, onDone }: { f: TPhoneForm; onDone(): void }) {
  const t = useT();
  const { me } = useSession();
  const move = useMove(f, 'reply', t('phone.replied'), onDone);
  const required = (message: string) => [{ required: true, whitespace: true, message }];
  return (
    <Card size="small" title={t('phone.reply')}>
      <Form
        layout="vertical"
        data-testid="phone-reply-form"
        initialValues={{ answered: true, handlerName: me?.user?.displayName ?? '' }}
        onFinish={(v) => void move.run(v)}
      >
        <Form.Item name="reply" label={t('phone.reply')} rules={required(t('phone.replyRequired'))}>
          <Input.TextArea rows={5} maxLength={4000} showCount />
        </Form.Item>
        <Form.Item name="answered" label={t('phone.answeredQ')}>
          <Radio.Group
            options={[
              { value: true, label: t('phone.yes') },
              { value: false, label: t('phone.no') },
            ]}
          />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="handlerName" label={t('phone.handlerName')} rules={required(t('phone.nameRequired'))}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="headName" label={t('phone.headName')} rules={required(t('phone.nameRequired'))}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="replyOn" label={t('phone.replyOn')}>
            <PlainDatePicker aria-label={t('phone.replyOn')} placeholder={t('phone.replyOnToday')} />
          </Form.Item>
        </Space>
        {move.errorNode}
        <Button type="primary" htmlType="submit" loading={move.busy}>
          {t('phone.submitReply')}
        </Button>
      </Form>
    </Card>
  );
}

function ReturnForm({ f, onDone }: { f: TPhoneForm; onDone(): void }) {
  const t = useT();
  const move = useMove(f, 'return', t('phone.returned'), onDone);
  return (
    <Card size="small" title={t('phone.returnTitle')}>
      <Form layout="vertical" onFinish={(v) => void move.run(v)}>
        <Form.Item
          name="reason"
          label={t('phone.returnReason')}
          rules={[{ required: true, whitespace: true, message: t('phone.returnReasonRequired') }]}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        {move.errorNode}
        <Button danger htmlType="submit" loading={move.busy}>
          {t('phone.returnSubmit')}
        </Button>
      </Form>
    </Card>
  );
}

function Retransfer({ f, onDone }: { f: TPhoneForm; onDone(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  return (
    <Card size="small" title={t('phone.retransferTitle')}>
      {f.returnReason && (
        <Typography.Paragraph>{t('phone.returnedBecause', { reason: f.returnReason })}</Typography.Paragraph>
      )}
      <Button type="primary" onClick={() => setOpen(true)}>
        {t('phone.retransferTitle')}
      </Button>
      <DepartmentModal
        open={open}
        title={t('phone.retransferTitle')}
        okText={t('phone.retransferSubmit')}
        onCancel={() => setOpen(false)}
        onSubmit={async (departmentId) => {
          try {
            await api.post(`/api/phone/forms/${f.id}/retransfer`, { departmentId });
          } catch (e) {
            throw new Error(errorText(e, t('common.failed')));
          }
          setOpen(false);
          message.success(t('phone.retransferred'));
          onDone();
        }}
      />
    </Card>
  );
}

function CloseForm({ f, onDone }: { f: TPhoneForm; onDone(): void }) {
  const t = useT();
  const move = useMove(f, 'close', t('phone.closed'), onDone);
  const [kb, setKb] = useState(true);
  return (
    <Card size="small" title={t('phone.closeTitle')}>
      <Form
        layout="vertical"
        data-testid="phone-close-form"
        initialValues={{ kbUpdated: true, question: f.content, answer: f.reply ?? '' }}
        onValuesChange={(v: { kbUpdated?: boolean }) => v.kbUpdated !== undefined && setKb(v.kbUpdated)}
        onFinish={(v: { kbUpdated: boolean; question?: string; answer?: string; note?: string }) =>
          void move.run(
            v.kbUpdated
              ? { kbUpdated: true, question: v.question, answer: v.answer }
              : { kbUpdated: false, note: v.note },
          )
        }
      >
        <Form.Item name="kbUpdated">
          <Radio.Group>
            <Space direction="vertical">
              <Radio value={true}>{t('phone.kbUpdated')}</Radio>
              <Radio value={false}>{t('phone.kbNotUpdated')}</Radio>
            </Space>
          </Radio.Group>
        </Form.Item>
        {kb ? (
          <>
            <Form.Item name="question" label={t('phone.kbQuestion')} rules={[{ required: true, whitespace: true }]}>
              <Input maxLength={500} />
            </Form.Item>
            <Form.Item name="answer" label={t('phone.kbAnswer')} rules={[{ required: true, whitespace: true }]}>
              <Input.TextArea rows={4} maxLength={4000} />
            </Form.Item>
          </>
        ) : (
          <Form.Item
            name="note"
            label={t('phone.note')}
            rules={[{ required: true, whitespace: true, message: t('phone.noteRequired') }]}
          >
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        )}
        {move.errorNode}
        <Button type="primary" htmlType="submit" loading={move.busy}>
          {t('phone.closeSubmit')}
        </Button>
      </Form>
    </Card>
  );
}
