import { Tag } from 'antd';
import { useT } from '../../i18n/index.js';
import type { TCalendarDay } from '../../../../src/contracts/calendar.js';

export function DayKindTag({ kind }: { kind: TCalendarDay['kind'] }) {
  const t = useT();
  return kind === 'holiday' ? (
    <Tag color="error">{t('calendar.holiday')}</Tag>
  ) : (
    <Tag color="blue">{t('calendar.workday')}</Tag>
  );
}

const SOURCE_COLORS: Record<TCalendarDay['source'], string> = {
  preloaded: 'default',
  admin: 'purple',
  import: 'geekblue',
};

export function SourceTag({ source }: { source: TCalendarDay['source'] }) {
  const t = useT();
  const key =
    source === 'preloaded'
      ? 'calendar.sourcePreloaded'
      : source === 'admin'
        ? 'calendar.sourceAdmin'
        : 'calendar.sourceImport';
  return <Tag color={SOURCE_COLORS[source]}>{t(key)}</Tag>;
}
