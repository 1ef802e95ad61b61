import { useState } from 'react';
import { Alert, App, Button, Checkbox, Modal, Space, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { api, errorText } from '../api/client.js';
import { pick, useLang, useT } from '../i18n/index.js';
import { toBase64 } from '../shared/read-file.js';
import { ImportReport } from './ImportReport.js';
import type { THotlineImportReport } from '../../../src/contracts/work-order-import.js';

/**
 * 导入12345工单: the hotline office chooses the export, sees every row checked (nothing stored yet),
 * and imports; with bad rows only after ticking "import the good rows only". Re-importing a file
 * creates nothing twice: the report marks the rows already received.
 */
export function ImportOrdersModal({ open, onClose, onDone }: { open: boolean; onClose(): void; onDone(): void }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const [file, setFile] = useState<{ name: string; content: string } | null>(null);
  const [report, setReport] = useState<THotlineImportReport | null>(null);
  const [goodOnly, setGoodOnly] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const reset = () => {
    setFile(null);
    setReport(null);
    setGoodOnly(false);
    setError(undefined);
  };
  const close = () => {
    reset();
    onClose();
  };
  const preview = async (f: File) => {
    reset();
    setBusy(true);
    try {
      const content = await toBase64(f);
      setFile({ name: f.name, content });
      setReport(await api.post<THotlineImportReport>('/api/work-orders/import/preview', { content }));
    } catch (e) {
      setError(errorText(e, t('common.failed')));
    } finally {
      setBusy(false);
    }
    return false;
  };
  const runImport = async () => {
    if (!file) return;
    setBusy(true);
    setError(undefined);
    try {
      const r = await api.post<THotlineImportReport>('/api/work-orders/import', {
        content: file.content,
        goodRowsOnly: goodOnly,
      });
      setReport(r);
      message.success(t('orders.import.done', { created: r.counts.created, exists: r.counts.exists }));
      onDone();
    } catch (e) {
      setError(errorText(e, t('common.failed')));
    } finally {
      setBusy(false);
    }
  };

  const c = report?.counts;
  const importable = !!report && !report.imported && c!.new > 0 && (c!.invalid === 0 || goodOnly);
  return (
    <Modal
      open={open}
      title={t('orders.import.title')}
      onCancel={close}
      width={Math.min(1100, window.innerWidth)}
      destroyOnHidden
      footer={
        <Space wrap>
          <Button onClick={close}>{t(report?.imported ? 'orders.import.close' : 'common.cancel')}</Button>
          {!report?.imported && (
            <Button type="primary" disabled={!importable} loading={busy} onClick={() => void runImport()}>
              {t('orders.import.run', { n: c ? c.new : 0 })}
            </Button>
          )}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('orders.import.help')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Upload accept=".xlsx" showUploadList={false} beforeUpload={(f) => preview(f)} maxCount={1}>
          <Button icon={<UploadOutlined aria-hidden />} loading={busy && !report}>
            {t('orders.import.choose')}
          </Button>
        </Upload>
        {file && <Typography.Text>{file.name}</Typography.Text>}
      </Space>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      {report && c && (
        <>
          <Alert
            style={{ marginBottom: 12 }}
            showIcon
            type={report.imported ? 'success' : c.invalid ? 'warning' : 'info'}
            message={
              report.imported
                ? t('orders.import.resultSummary', { created: c.created, exists: c.exists, invalid: c.invalid })
                : t('orders.import.previewSummary', {
                    total: c.total,
                    new: c.new,
                    exists: c.exists,
                    invalid: c.invalid,
                  })
            }
            description={
              report.missingColumns.length > 0 &&
              t('orders.import.optionalMissing', {
                columns: report.missingColumns.map((m) => pick(m, lang)).join('、'),
              })
            }
          />
          {!report.imported && c.invalid > 0 && (
            <Checkbox checked={goodOnly} onChange={(e) => setGoodOnly(e.target.checked)} style={{ marginBottom: 12 }}>
              {t('orders.import.goodOnly', { n: c.invalid })}
            </Checkbox>
          )}
          <ImportReport rows={report.rows} />
        </>
      )}
    </Modal>
  );
}
