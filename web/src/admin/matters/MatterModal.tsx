import { useEffect } from 'react';
import { Alert, Form, Input, Modal, Select, Switch } from 'antd';
import { api } from '../../api/client.js';
import { useLang, useT } from '../../i18n/index.js';
import { useSubmit } from '../useSubmit.js';
import {
  CATEGORY_LABELS,
  MATTER_CATEGORIES,
  MATTER_KIND_LABELS,
  MATTER_KINDS,
} from '../../../../src/contracts/enums/matters.js';
import type { MatterCategory, MatterKind } from '../../../../src/contracts/enums/matters.js';
import type { TMatter } from '../../../../src/contracts/org.js';

interface Fields {
  code: string;
  name: string;
  kind: MatterKind;
  ownerDepartmentId: string;
  liveHelp: boolean;
  guideUrl?: string;
  category: MatterCategory;
}

export function MatterModal({
  matter,
  departments,
  onClose,
  onSaved,
}: {
  matter: TMatter | 'new' | null;
  departments: { value: string; label: string }[];
  onClose(): void;
  onSaved(): void;
}) {
  const t = useT();
  const { lang } = useLang();
  const [form] = Form.useForm<Fields>();
  const { busy, error, setError, run } = useSubmit(form);
  const isNew = matter === 'new';

  useEffect(() => {
    if (!matter) return;
    setError(undefined);
    form.resetFields();
    if (matter !== 'new') form.setFieldsValue({ ...matter, guideUrl: matter.guideUrl ?? undefined });
  }, [matter, form, setError]);

  const save = async (v: Fields) => {
    const body = {
      name: v.name.trim(),
      kind: v.kind,
      ownerDepartmentId: v.ownerDepartmentId,
      liveHelp: v.liveHelp,
      guideUrl: v.guideUrl?.trim() || null,
      category: v.category,
    };
    const ok = await run(
      () =>
        isNew
          ? api.post('/api/matters', { code: v.code.trim(), ...body })
          : api.patch(`/api/matters/${(matter as TMatter).id}`, body),
      t('common.saved'),
    );
    if (ok) onSaved();
  };

  return (
    <Modal
      open={!!matter}
      title={isNew ? t('matter.create') : t('matter.edit')}
      onCancel={onClose}
      onOk={() => form.submit()}
      width={600}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
      forceRender
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<Fields>
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={{ liveHelp: true, kind: MATTER_KINDS[0], category: MATTER_CATEGORIES[0] }}
      >
        <Form.Item
          name="code"
          label={t('matter.code')}
          extra={t('matter.codeHint')}
          rules={[
            { required: true, message: t('matter.codeRequired') },
            { pattern: /^[A-Za-z0-9-]{2,40}$/, message: t('matter.codeHint') },
          ]}
        >
          <Input disabled={!isNew} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('matter.name')}
          rules={[{ required: true, whitespace: true, message: t('matter.nameRequired') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="kind" label={t('matter.kind')} rules={[{ required: true }]}>
          <Select options={MATTER_KINDS.map((k) => ({ value: k, label: MATTER_KIND_LABELS[k][lang] }))} />
        </Form.Item>
        <Form.Item name="category" label={t('matter.category')} rules={[{ required: true }]}>
          <Select options={MATTER_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c][lang] }))} />
        </Form.Item>
        <Form.Item
          name="ownerDepartmentId"
          label={t('matter.owner')}
          rules={[{ required: true, message: t('matter.ownerRequired') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={departments}
            placeholder={t('user.chooseDepartment')}
          />
        </Form.Item>
        <Form.Item
          name="liveHelp"
          label={t('matter.liveHelp')}
          valuePropName="checked"
          extra={t('matter.liveHelpHint')}
        >
          <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} />
        </Form.Item>
        <Form.Item
          name="guideUrl"
          label={t('matter.guide')}
          extra={t('matter.guideHint')}
          rules={[{ type: 'url', message: t('matter.guideInvalid') }]}
        >
          <Input placeholder="https://zwdt.sh.gov.cn/…" inputMode="url" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
