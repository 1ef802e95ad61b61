import { useEffect, useState } from 'react';
import { Alert, Form, Input, Modal, Radio, Select } from 'antd';
import { useLang, useT } from '../../i18n/index.js';
import { useDepartments } from '../../shared/useDepartments.js';
import { errorText } from '../../api/client.js';
import { agentChat } from '../../api/chat.js';
import { CHAT_OUTCOME_LABELS } from '../../../../src/contracts/enums/livechat.js';
import type { TAgentConversation, TCloseChat } from '../../../../src/contracts/livechat.js';

/** 转交: a business agent of the matter's owner department takes over, with the whole history and a note. */
export function TransferDialog({
  conversation,
  open,
  onClose,
  onDone,
}: {
  conversation: TAgentConversation;
  open: boolean;
  onClose(): void;
  onDone(c: TAgentConversation): void;
}) {
  const t = useT();
  const { lang } = useLang();
  const departments = useDepartments();
  const [form] = Form.useForm<{ departmentId: string; note: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  useEffect(() => {
    if (open) {
      form.resetFields();
      setError('');
    }
  }, [open, form]);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError('');
    try {
      onDone(await agentChat.transfer(conversation.id, { departmentId: v.departmentId, note: v.note.trim() }));
    } catch (e) {
      setError(errorText(e, t('common.failed')));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t('livechat.transferTitle', { number: conversation.number })}
      okText={t('livechat.transferOk')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
      data-testid="transfer-dialog"
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">
        <Form.Item
          name="departmentId"
          label={t('livechat.transferDepartment')}
          rules={[{ required: true, message: t('livechat.transferDepartmentRequired') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={departments.items
              .filter((d) => d.active && d.kind === 'owner')
              .map((d) => ({ value: d.id, label: lang === 'en' ? d.nameEn || d.nameZh : d.nameZh }))}
            data-testid="transfer-department"
          />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('livechat.transferNote')}
          extra={t('livechat.transferNoteHelp')}
          rules={[{ required: true, whitespace: true, message: t('livechat.transferNoteRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={1000} data-testid="transfer-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type CloseOutcome = TCloseChat['outcome'];

/** 结束: answered, pushed to the hotline office, or referred to 12345 (with what it is about). */
export function CloseDialog({
  conversation,
  open,
  onClose,
  onDone,
}: {
  conversation: TAgentConversation;
  open: boolean;
  onClose(): void;
  onDone(c: TAgentConversation): void;
}) {
  const t = useT();
  const { lang } = useLang();
  const [form] = Form.useForm<{ outcome: CloseOutcome; note?: string }>();
  const outcome = Form.useWatch('outcome', form);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  useEffect(() => {
    if (open) {
      form.resetFields();
      setError('');
    }
  }, [open, form]);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError('');
    try {
      const note = v.note?.trim();
      await agentChat.close(conversation.id, { outcome: v.outcome, ...(note ? { note } : {}) });
      onDone({ ...conversation, status: 'closed', outcome: v.outcome });
    } catch (e) {
      setError(errorText(e, t('common.failed')));
    } finally {
      setBusy(false);
    }
  };
  const needsNote = outcome === 'pushed_to_hotline' || outcome === 'referred_12345';
  return (
    <Modal
      open={open}
      title={t('livechat.closeTitle', { number: conversation.number })}
      okText={t('livechat.closeOk')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
      data-testid="close-dialog"
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ outcome: 'answered' }}>
        <Form.Item name="outcome" label={t('livechat.closeOutcome')}>
          <Radio.Group
            options={(['answered', 'pushed_to_hotline', 'referred_12345'] as const).map((o) => ({
              value: o,
              label: CHAT_OUTCOME_LABELS[o][lang],
            }))}
            optionType="button"
          />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('livechat.closeNote')}
          extra={needsNote ? t('livechat.closeNoteHelp') : undefined}
          rules={needsNote ? [{ required: true, whitespace: true, message: t('livechat.closeNoteRequired') }] : []}
        >
          <Input.TextArea rows={3} maxLength={1000} data-testid="close-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
