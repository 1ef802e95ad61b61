import { useEffect } from 'react';
import { Alert, Form, Input, InputNumber, Modal, Select } from 'antd';
import { api } from '../../api/client.js';
import { useLang, useT } from '../../i18n/index.js';
import { useSubmit } from '../useSubmit.js';
import { DEPARTMENT_KIND_LABELS } from '../../../../src/contracts/enums/org.js';
import type { DepartmentKind } from '../../../../src/contracts/enums/org.js';
import type { TDepartment } from '../../../../src/contracts/org.js';

interface Fields {
  code: string;
  nameZh: string;
  nameEn: string;
  kind: DepartmentKind;
  sortOrder?: number;
}

/** Create a department, or edit one (its code is fixed once created). */
export function DepartmentModal({
  department,
  onClose,
  onSaved,
}: {
  department: TDepartment | 'new' | null;
  onClose(): void;
  onSaved(): void;
}) {
  const t = useT();
  const { lang } = useLang();
  const [form] = Form.useForm<Fields>();
  const { busy, error, setError, run } = useSubmit(form);
  const isNew = department === 'new';

  useEffect(() => {
    if (!department) return;
    setError(undefined);
    form.resetFields();
    if (department !== 'new') form.setFieldsValue(department);
  }, [department, form, setError]);

  const save = async (v: Fields) => {
    const ok = await run(
      () =>
        isNew
          ? api.post('/api/departments', v)
          : api.patch(`/api/departments/${(department as TDepartment).id}`, {
              nameZh: v.nameZh,
              nameEn: v.nameEn,
              kind: v.kind,
              sortOrder: v.sortOrder,
            }),
      t('common.saved'),
    );
    if (ok) onSaved();
  };

  return (
    <Modal
      open={!!department}
      title={isNew ? t('dept.create') : t('dept.edit')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
      forceRender
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<Fields> form={form} layout="vertical" onFinish={save} initialValues={{ kind: 'owner', sortOrder: 100 }}>
        <Form.Item
          name="code"
          label={t('dept.code')}
          extra={t('dept.codeHint')}
          rules={[
            { required: true, message: t('dept.codeRequired') },
            { pattern: /^[a-z][a-z0-9-]{1,39}$/, message: t('dept.codePattern') },
          ]}
        >
          <Input disabled={!isNew} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="nameZh"
          label={t('dept.nameZh')}
          rules={[{ required: true, whitespace: true, message: t('dept.nameZhRequired') }]}
        >
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item
          name="nameEn"
          label={t('dept.nameEn')}
          rules={[{ required: true, whitespace: true, message: t('dept.nameEnRequired') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="kind" label={t('dept.kind')} rules={[{ required: true }]}>
          <Select
            options={(Object.keys(DEPARTMENT_KIND_LABELS) as DepartmentKind[]).map((k) => ({
              value: k,
              label: DEPARTMENT_KIND_LABELS[k][lang],
            }))}
          />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('dept.sortOrder')} extra={t('dept.sortHint')}>
          <InputNumber
            // no step buttons: antd names them "Increase Value" in any language; the arrow keys still step
            controls={false}
            min={0}
            max={9999}
            style={{ width: '100%' }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
