import { useState } from 'react';
import { Alert, Form, Modal, Select, Typography } from 'antd';
import type { PhoneCallStatus, PhoneFormStatus } from '../../../../src/contracts/enums/phone.js';
import { useT } from '../../i18n/index.js';
import { useDepartments } from '../../shared/useDepartments.js';

export const CALL_STATUS_COLORS: Record<PhoneCallStatus, string> = {
  open: 'processing',
  answered: 'success',
  transferred: 'warning',
};
export const FORM_STATUS_COLORS: Record<PhoneFormStatus, string> = {
  transferred: 'processing',
  returned: 'warning',
  replied: 'success',
  closed: 'default',
};

/** Opens the printable form (annex 3) in a new tab, where the browser's PDF viewer prints it. */
export function printForm(id: string): void {
  window.open(`/api/phone/forms/${encodeURIComponent(id)}/pdf`, '_blank', 'noopener');
}

/** Chooses the handling department of a transfer form (the matter's owner preselected). */
export function DepartmentModal({
  open,
  title,
  okText,
  initial,
  onCancel,
  onSubmit,
}: {
  open: boolean;
  title: string;
  okText: string;
  initial?: string | null;
  onCancel(): void;
  onSubmit(departmentId: string): Promise<void>;
}) {
  const t = useT();
  const depts = useDepartments();
  const [form] = Form.useForm<{ departmentId: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      onCancel={onCancel}
      onOk={() => form.submit()}
      confirmLoading={busy}
      destroyOnHidden
      forceRender
    >
      <Typography.Paragraph type="secondary">{t('phone.transferHint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ departmentId: initial ?? undefined }}
        onFinish={async ({ departmentId }) => {
          setBusy(true);
          setError(undefined);
          try {
            await onSubmit(departmentId);
            form.resetFields();
          } catch (e) {
            setError(e instanceof Error ? e.message : String(e));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item
          name="departmentId"
          label={t('phone.department')}
          rules={[{ required: true, message: t('phone.departmentRequired') }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            options={depts.options}
            data-testid="phone-department"
            aria-label={t('phone.department')}
          />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} role="alert" />}
    </Modal>
  );
}
