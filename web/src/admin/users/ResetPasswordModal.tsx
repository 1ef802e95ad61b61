import { useEffect } from 'react';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { api } from '../../api/client.js';
import { useT } from '../../i18n/index.js';
import { useSubmit } from '../useSubmit.js';
import { passwordRules } from './passwordRules.js';
import type { TUser } from '../../../../src/contracts/org.js';

/** Give a user a new password (e.g. they forgot theirs); tell them in person or by phone, never by chat. */
export function ResetPasswordModal({ user, onClose }: { user: TUser | null; onClose(): void }) {
  const t = useT();
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  const { busy, error, setError, run } = useSubmit(form);
  useEffect(() => {
    if (user) {
      form.resetFields();
      setError(undefined);
    }
  }, [user, form, setError]);

  const save = async (v: { password: string }) => {
    if (
      await run(
        () => api.post(`/api/users/${user!.id}/reset-password`, { password: v.password }),
        t('user.passwordReset', { name: user!.displayName }),
      )
    )
      onClose();
  };

  return (
    <Modal
      open={!!user}
      title={t('user.resetPasswordFor', { name: user?.displayName ?? '' })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('user.resetPassword')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
      forceRender
    >
      <Typography.Paragraph type="secondary">{t('user.resetHint')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={save}>
        <Form.Item
          name="password"
          label={t('user.newPassword')}
          extra={t('user.passwordHint')}
          rules={passwordRules(t)}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('user.confirmPassword')}
          dependencies={['password']}
          rules={[
            { required: true, message: t('user.confirmRequired') },
            ({ getFieldValue }) => ({
              validator: (_, v) =>
                !v || v === getFieldValue('password')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('user.confirmMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
