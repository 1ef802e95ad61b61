import { Alert, Button, Space } from 'antd';
import { useNavigate } from 'react-router-dom';
import { pick, useLang, useT } from '../../i18n/index.js';
import type { TCalendarYears } from '../../../../src/contracts/calendar.js';

/** The server's calendar warnings (e.g. next year's holidays not loaded yet), impossible to miss. */
export function CalendarWarnings({
  years,
  showLink = false,
}: {
  years: TCalendarYears | undefined;
  showLink?: boolean;
}) {
  const t = useT();
  const { lang } = useLang();
  const navigate = useNavigate();
  if (!years?.warnings.length) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%', marginBottom: 16 }} data-testid="calendar-warnings">
      {years.warnings.map((w) => (
        <Alert
          key={`${w.code}-${w.year}`}
          type="warning"
          showIcon
          title={t('calendar.warningTitle', { year: w.year })}
          description={pick(w.message, lang)}
          action={
            showLink ? (
              <Button size="small" type="primary" onClick={() => navigate('/admin/calendar')}>
                {t('calendar.goFix')}
              </Button>
            ) : undefined
          }
        />
      ))}
    </Space>
  );
}
