import { Tabs } from 'antd';
import { useT } from '../../i18n/index.js';
import { useApiQuery } from '../../api/query.js';
import { PageHeader } from '../PageHeader.js';
import { CalendarDays } from './CalendarDays.js';
import { CalendarWarnings } from './CalendarWarnings.js';
import { DeadlineCalculator } from './DeadlineCalculator.js';
import { ServiceHoursEditor } from './ServiceHoursEditor.js';
import type { TCalendarYears } from '../../../../src/contracts/calendar.js';

/** 工作日历: holidays and make-up workdays, service hours per channel, and a deadline calculator. */
export default function CalendarPage() {
  const t = useT();
  const years = useApiQuery<TCalendarYears>('/api/calendar/years');
  return (
    <>
      <PageHeader title={t('calendar.title')} description={t('calendar.description')} />
      <CalendarWarnings years={years.data} />
      <Tabs
        items={[
          {
            key: 'days',
            label: t('calendar.tabDays'),
            children: <CalendarDays years={years.data} onChanged={years.reload} />,
          },
          { key: 'hours', label: t('calendar.tabHours'), children: <ServiceHoursEditor /> },
          { key: 'deadline', label: t('calendar.tabDeadline'), children: <DeadlineCalculator /> },
        ]}
      />
    </>
  );
}
