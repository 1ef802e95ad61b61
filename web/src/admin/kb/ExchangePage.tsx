import { useState } from 'react';
import { Alert, App, Button, Card, Col, Radio, Row, Space, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { ApiError, api, errorText } from '../../api/client.js';
import { pick, useLang, useT } from '../../i18n/index.js';
import { useSession } from '../../shared/session.js';
import { PageHeader } from '../PageHeader.js';
import type { Bilingual } from '../../../../src/contracts/enums/common.js';
import { toBase64 } from '../../shared/read-file.js';

interface RowError {
  row: number;
  field: string | null;
  message: Bilingual;
}
interface ImportResult {
  format: string;
  mode: string;
  total: number;
  created: number;
  updated: number;
  published: number;
}

/** 导入导出: the XLSX template, importing a file (with a per-row error report), exporting the KB. */
export default function ExchangePage() {
  const t = useT();
  const { lang } = useLang();
  const { can } = useSession();
  const { message } = App.useApp();
  const [mode, setMode] = useState<'draft' | 'publish'>('draft');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportResult>();
  const [error, setError] = useState<string>();
  const [rows, setRows] = useState<RowError[]>([]);
  const [fileName, setFileName] = useState('');

  const upload = async (file: File) => {
    const format = /\.xlsx$/i.test(file.name) ? 'xlsx' : /\.jsonl?$/i.test(file.name) ? 'jsonl' : null;
    setResult(undefined);
    setError(undefined);
    setRows([]);
    setFileName(file.name);
    if (!format) {
      setError(t('exchange.badType'));
      return false;
    }
    setBusy(true);
    try {
      const content = await toBase64(file);
      const r = await api.post<ImportResult>('/api/kb/import', { format, content, mode });
      setResult(r);
      message.success(t('exchange.imported', { n: r.total }));
    } catch (e) {
      setError(errorText(e, t('common.failed')));
      const d = e instanceof ApiError ? (e.details as { rows?: RowError[] } | null) : null;
      setRows(d?.rows ?? []);
    } finally {
      setBusy(false);
    }
    return false;
  };

  return (
    <>
      <PageHeader title={t('exchange.title')} description={t('exchange.description')} />
      <Row gutter={[16, 16]}>
        {can('knowledge.import') && (
          <Col xs={24} lg={14}>
            <Card title={t('exchange.importTitle')}>
              <Typography.Paragraph>{t('exchange.importHelp')}</Typography.Paragraph>
              <Space direction="vertical" style={{ width: '100%' }}>
                <a href="/api/kb/import/template" download>
                  <DownloadOutlined aria-hidden /> {t('exchange.template')}
                </a>
                <div>
                  <Typography.Text strong id="import-mode">
                    {t('exchange.mode')}
                  </Typography.Text>
                  <div>
                    <Radio.Group aria-labelledby="import-mode" value={mode} onChange={(e) => setMode(e.target.value)}>
                      <Radio value="draft">{t('exchange.modeDraft')}</Radio>
                      {can('knowledge.review') && <Radio value="publish">{t('exchange.modePublish')}</Radio>}
                    </Radio.Group>
                  </div>
                </div>
                <Upload accept=".xlsx,.jsonl,.json" showUploadList={false} beforeUpload={(f) => upload(f)} maxCount={1}>
                  <Button
                    type="primary"
                    icon={<UploadOutlined aria-hidden />}
                    loading={busy}
                    data-testid="import-button"
                  >
                    {t('exchange.chooseFile')}
                  </Button>
                </Upload>
                {fileName && (
                  <Typography.Text type="secondary">{t('exchange.file', { name: fileName })}</Typography.Text>
                )}
                {result && (
                  <Alert
                    type="success"
                    showIcon
                    title={t('exchange.resultTitle')}
                    description={t('exchange.result', {
                      total: result.total,
                      created: result.created,
                      updated: result.updated,
                      published: result.published,
                    })}
                  />
                )}
                {error && <Alert type="error" showIcon title={error} />}
                {rows.length > 0 && (
                  <Table<RowError>
                    rowKey={(r) => `${r.row}-${r.field ?? ''}-${pick(r.message, 'zh')}`}
                    size="small"
                    dataSource={rows}
                    pagination={{ pageSize: 20, hideOnSinglePage: true }}
                    data-testid="import-errors"
                    columns={[
                      { title: t('exchange.row'), dataIndex: 'row', width: 80 },
                      {
                        title: t('exchange.field'),
                        dataIndex: 'field',
                        width: 120,
                        render: (f: string | null) => f ?? '—',
                      },
                      { title: t('exchange.problem'), dataIndex: 'message', render: (m: Bilingual) => pick(m, lang) },
                    ]}
                  />
                )}
              </Space>
            </Card>
          </Col>
        )}
        {can('knowledge.export') && (
          <Col xs={24} lg={10}>
            <Card title={t('exchange.exportTitle')}>
              <Typography.Paragraph>{t('exchange.exportHelp')}</Typography.Paragraph>
              <Space wrap>
                <Button href="/api/kb/export?format=xlsx" icon={<DownloadOutlined aria-hidden />}>
                  {t('exchange.exportXlsx')}
                </Button>
                <Button href="/api/kb/export?format=jsonl" icon={<DownloadOutlined aria-hidden />}>
                  {t('exchange.exportJsonl')}
                </Button>
              </Space>
            </Card>
          </Col>
        )}
      </Row>
    </>
  );
}
