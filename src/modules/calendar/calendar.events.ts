import { z } from 'zod';
import { defineEvents } from '../../platform/events/record-event.js';

const day = z.object({ kind: z.string(), name: z.string().nullable() });

/** What the calendar module records: holiday calendar and service-hours changes (caches follow them). */
export const calendarEvents = defineEvents({
  'calendar.day_set': {
    label: { zh: '设置日历日期', en: 'Calendar day set' },
    data: z.object({ kind: z.string(), name: z.string().optional(), before: day.nullable() }),
  },
  'calendar.day_removed': {
    label: { zh: '删除日历日期', en: 'Calendar day removed' },
    data: z.object({ before: day }),
  },
  'calendar.year_imported': {
    label: { zh: '导入全年日历', en: 'Calendar year imported' },
    data: z.object({ year: z.number().int(), days: z.number().int(), replace: z.boolean() }),
  },
  'calendar.preloaded': {
    label: { zh: '预置节假日', en: 'Holidays preloaded' },
    data: z.object({ years: z.array(z.number().int()) }),
  },
  'calendar.deadlines_recomputed': {
    label: { zh: '重算截止时间', en: 'Deadlines recomputed' },
    data: z.object({
      counts: z.record(z.string(), z.number().int()),
      total: z.number().int(),
      from: z.string(),
      to: z.string(),
    }),
  },
  'service_hours.updated': {
    label: { zh: '修改服务时间', en: 'Service hours updated' },
    data: z.object({ periods: z.array(z.unknown()) }),
  },
});
