/** The 12345 export import (SPEC §3.4): its columns and what became of each row. */
import type { Bilingual } from './common.js';

/** The columns of the 12345 export that the import reads (SPEC §3.4: the hotline's spreadsheet). */
export const HOTLINE_FIELDS = [
  'externalNo',
  'receivedAt',
  'type',
  'title',
  'content',
  'citizenName',
  'citizenPhone',
  'unit',
] as const;
export type HotlineField = (typeof HOTLINE_FIELDS)[number];

/**
 * What became of a row: `new` (preview: would be received), `exists` (its 12345 number was already
 * received: nothing is created again), `invalid` (see its errors), `created` (import: received now).
 */
export const IMPORT_ROW_OUTCOMES = ['new', 'exists', 'invalid', 'created'] as const;
export type ImportRowOutcome = (typeof IMPORT_ROW_OUTCOMES)[number];
export const IMPORT_ROW_OUTCOME_LABELS: Record<ImportRowOutcome, Bilingual> = {
  new: { zh: '可导入', en: 'New' },
  exists: { zh: '已存在', en: 'Already received' },
  invalid: { zh: '有误', en: 'Invalid' },
  created: { zh: '已导入', en: 'Imported' },
};
