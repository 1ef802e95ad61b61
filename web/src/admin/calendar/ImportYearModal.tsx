import { useMemo, useState } from 'react';
import { Alert, App, Input, InputNumber, Modal, Space, Table, Typography } from 'antd';
import { api, errorText } from '../../api/client.js';
import { useLang, useT } from '../../i18n/index.js';
import { formatPlainDate } from '../../shared/format.js';
import { DayKindTag } from './DayTags.js';
import { parseCalendarImport, type ImportDay } from './parseCalendarImport.js';

/** Paste a whole year's arrangement (as published by the State Council), check the preview, then import it. */
export function ImportYearModal({
  open,
  year,
  onClose,
  onImported,
}: {
  open: boolean;
  year: number;
  onClose(): void;
  onImported(year: number): void;
}) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [target, setTarget] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  // The year is the one the admin typed, else the year of the pasted dates, else the year on screen.
  const guessed = useMemo(() => (text.trim() ? parseCalendarImport(text).year : null), [text]);
  const importYear = target ?? guessed ?? year;
  const parsed = useMemo(() => (text.trim() ? parseCalendarImport(text, importYear) : null), [text, importYear]);

  const submit = async () => {
    if (!parsed?.days.length || parsed.errors.length) return;
    setBusy(true);
    setError(undefined);
    try {
      const r = await api.post<{ recomputed: number }>('/api/calendar/import', {
        year: importYear,
        replace: true,
        days: parsed.days,
      });
      message.success(
        `${t('calendar.imported', { year: importYear, n: parsed.days.length })}${t('calendar.recomputed', { n: r.recomputed })}`,
      );
      setText('');
      onImported(importYear);
    } catch (e) {
      setError(errorText(e, t('common.failed')));
    } finally {
      setBusy(false);
    }
  };

  const reasons = {
    format: t('calendar.errFormat'),
    date: t('calendar.errDate'),
    kind: t('calendar.errKind'),
    year: t('calendar.errYear', { year: importYear }),
    duplicate: t('calendar.errDuplicate'),
  };

  return (
    <Modal
      open={open}
      width={720}
      title={t('calendar.importYear')}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={busy}
      destroyOnHidden
      okText={t('calendar.importConfirm', { year: importYear })}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !parsed?.days.length || parsed.errors.length > 0 }}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph style={{ margin: 0 }}>{t('calendar.importHelp')}</Typography.Paragraph>
        <Typography.Text code>2027-01-01,holiday,元旦</Typography.Text>
        <Typography.Text code>2027-02-07,workday,春节调休</Typography.Text>
        <Space>
          <label htmlFor="bb-import-year">{t('calendar.year')}</label>
          <InputNumber
            // no step buttons: antd names them "Increase Value" in any language; the arrow keys still step
            controls={false}
            id="bb-import-year"
            min={2000}
            max={2100}
            value={importYear}
            onChange={(v) => setTarget(v)}
          />
        </Space>
        <Input.TextArea
          rows={8}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-label={t('calendar.pasteHere')}
          placeholder={t('calendar.pasteHere')}
        />
        <Alert type="warning" showIcon title={t('calendar.replaceWarning', { year: importYear })} />
        {error && <Alert type="error" showIcon title={error} />}
        {parsed && parsed.errors.length > 0 && (
          <Alert
            type="error"
            showIcon
            title={t('calendar.parseErrors', { n: parsed.errors.length })}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {parsed.errors.slice(0, 10).map((e) => (
                  <li key={`${e.line}-${e.text}`}>
                    {t('calendar.lineError', { line: e.line, text: e.text, reason: reasons[e.reason] })}
                  </li>
                ))}
              </ul>
            }
          />
        )}
        {parsed && parsed.days.length > 0 && (
          <>
            <Typography.Text strong>{t('calendar.preview', { n: parsed.days.length })}</Typography.Text>
            <Table<ImportDay>
              rowKey="date"
              size="small"
              dataSource={parsed.days}
              pagination={{ pageSize: 8, hideOnSinglePage: true }}
              columns={[
                { title: t('calendar.date'), dataIndex: 'date', render: (d: string) => formatPlainDate(d, lang) },
                {
                  title: t('calendar.kind'),
                  dataIndex: 'kind',
                  render: (k: ImportDay['kind']) => <DayKindTag kind={k} />,
                },
                { title: t('calendar.name'), dataIndex: 'name', render: (n?: string) => n ?? '—' },
              ]}
            />
          </>
        )}
      </Space>
    </Modal>
  );
}
