import { useEffect } from 'react';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { api } from '../../api/client.js';
import { useLang, useT } from '../../i18n/index.js';
import { useSubmit } from '../useSubmit.js';
import { passwordRules } from './passwordRules.js';
import { DEPARTMENT_SCOPED_ROLES, ROLE_LABELS, ROLES } from '../../../../src/contracts/enums/org.js';
import type { Role } from '../../../../src/contracts/enums/org.js';
import type { TUser } from '../../../../src/contracts/org.js';
import { useClearable } from '../../shared/clearable.js';

interface Fields {
  username: string;
  displayName: string;
  password: string;
  departmentId?: string;
  roles: Role[];
  phone?: string;
  workNumber?: string;
}

/** Create an account (with a first password), or change a user's name, department, roles and phone. */
export function UserModal({
  user,
  departments,
  onClose,
  onSaved,
}: {
  user: TUser | 'new' | null;
  departments: { value: string; label: string }[];
  onClose(): void;
  onSaved(): void;
}) {
  const t = useT();
  const clearable = useClearable();
  const { lang } = useLang();
  const [form] = Form.useForm<Fields>();
  const { busy, error, setError, run } = useSubmit(form);
  const isNew = user === 'new';

  useEffect(() => {
    if (!user) return;
    setError(undefined);
    form.resetFields();
    if (user !== 'new')
      form.setFieldsValue({
        username: user.username,
        displayName: user.displayName,
        departmentId: user.departmentId ?? undefined,
        roles: user.roles,
        workNumber: user.workNumber ?? undefined,
      });
  }, [user, form, setError]);

  const save = async (v: Fields) => {
    const phone = v.phone?.trim() || undefined;
    const workNumber = v.workNumber?.trim().toUpperCase() || null;
    const ok = await run(
      () =>
        isNew
          ? api.post('/api/users', {
              username: v.username.trim(),
              displayName: v.displayName.trim(),
              password: v.password,
              departmentId: v.departmentId ?? null,
              roles: v.roles ?? [],
              phone,
              workNumber,
            })
          : api.patch(`/api/users/${(user as TUser).id}`, {
              displayName: v.displayName.trim(),
              departmentId: v.departmentId ?? null,
              roles: v.roles ?? [],
              workNumber,
              ...(phone ? { phone } : {}),
            }),
      isNew ? t('user.created', { name: v.displayName }) : t('common.saved'),
    );
    if (ok) onSaved();
  };

  return (
    <Modal
      open={!!user}
      title={isNew ? t('user.create') : t('user.edit', { name: user?.displayName ?? '' })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
      forceRender
      okButtonProps={{ 'data-testid': 'user-modal-save' }}
    >
      {error && (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="user-modal-error" />
      )}
      <Form<Fields> form={form} layout="vertical" onFinish={save} initialValues={{ roles: [] }} data-testid="user-form">
        <Form.Item
          name="username"
          label={t('user.username')}
          extra={isNew ? t('user.usernameHint') : undefined}
          rules={[
            { required: true, message: t('user.usernameRequired') },
            { pattern: /^[A-Za-z0-9_.-]{3,40}$/, message: t('user.usernameHint') },
          ]}
        >
          <Input disabled={!isNew} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('user.displayName')}
          rules={[{ required: true, whitespace: true, message: t('user.displayNameRequired') }]}
        >
          <Input maxLength={40} autoComplete="off" />
        </Form.Item>
        {isNew && (
          <Form.Item
            name="password"
            label={t('user.initialPassword')}
            extra={t('user.passwordHint')}
            rules={passwordRules(t)}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        <Form.Item
          name="departmentId"
          label={t('user.department')}
          dependencies={['roles']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, v) =>
                !v && (getFieldValue('roles') as Role[] | undefined)?.some((r) => DEPARTMENT_SCOPED_ROLES.includes(r))
                  ? Promise.reject(new Error(t('user.departmentRequired')))
                  : Promise.resolve(),
            }),
          ]}
        >
          <Select
            allowClear={clearable}
            showSearch={{ optionFilterProp: 'label' }}
            options={departments}
            placeholder={t('user.chooseDepartment')}
          />
        </Form.Item>
        <Form.Item name="roles" label={t('user.roles')} extra={t('user.rolesHint')}>
          <Select
            mode="multiple"
            allowClear={clearable}
            showSearch={{ optionFilterProp: 'label' }}
            options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r][lang] }))}
            placeholder={t('user.chooseRoles')}
          />
        </Form.Item>
        <Form.Item
          name="workNumber"
          label={t('user.workNumber')}
          extra={t('user.workNumberHint')}
          rules={[{ pattern: /^[A-Za-z0-9-]{2,20}$/, message: t('user.workNumberInvalid') }]}
        >
          <Input autoComplete="off" maxLength={20} data-testid="user-work-number" />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('user.phone')}
          extra={isNew ? undefined : t('user.phoneHint')}
          rules={[{ pattern: /^[0-9+\- ]{5,20}$/, message: t('user.phoneInvalid') }]}
        >
          <Input autoComplete="off" inputMode="tel" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
