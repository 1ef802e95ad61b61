/** Service channels and calendar day kinds. */
import type { Bilingual } from './common.js';

/** The channels whose service hours the calendar keeps. */
export const CHANNELS = ['live_help', 'offline_hall'] as const;

export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS: Record<Channel, Bilingual> = {
  live_help: { zh: '线上人工帮办', en: 'Live help (online)' },
  offline_hall: { zh: '线下帮办（服务大厅）', en: 'Service hall (offline)' },
};

export const DAY_KINDS = ['holiday', 'workday'] as const;

export const DAY_SOURCES = ['preloaded', 'admin', 'import'] as const;
