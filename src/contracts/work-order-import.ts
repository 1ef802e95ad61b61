import { z } from 'zod';
import { ZBilingual } from './common.js';
import { WORK_ORDER_TYPES } from './enums/work-orders.js';

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
export const IMPORT_ROW_OUTCOME_LABELS: Record<ImportRowOutcome, { zh: string; en: string }> = {
  new: { zh: '可导入', en: 'New' },
  exists: { zh: '已存在', en: 'Already received' },
  invalid: { zh: '有误', en: 'Invalid' },
  created: { zh: '已导入', en: 'Imported' },
};

/** One row of the report: the values read (phone masked), its outcome, and every problem found. */
export const ZImportRowReport = z.object({
  row: z.number().int(),
  externalNo: z.string().nullable(),
  title: z.string().nullable(),
  type: z.enum(WORK_ORDER_TYPES).nullable(),
  receivedAt: z.string().nullable(),
  citizenName: z.string().nullable(),
  /** masked (138****5678) */
  citizenPhone: z.string().nullable(),
  unit: z.string().nullable(),
  departmentId: z.string().nullable(),
  outcome: z.enum(IMPORT_ROW_OUTCOMES),
  /** the order this row made or found */
  orderId: z.string().nullable(),
  orderNumber: z.string().nullable(),
  errors: z.array(z.object({ field: z.enum(HOTLINE_FIELDS), fieldLabel: ZBilingual, message: ZBilingual })),
});
export type TImportRowReport = z.infer<typeof ZImportRowReport>;

/** The preview (nothing stored) or the result of an import of a 12345 export. */
export const ZHotlineImportReport = z.object({
  /** false: a preview, nothing was stored */
  imported: z.boolean(),
  rows: z.array(ZImportRowReport),
  counts: z.object({
    total: z.number(),
    new: z.number(),
    exists: z.number(),
    invalid: z.number(),
    created: z.number(),
  }),
  /** headers of the export the import did not find (a required one missing refuses the file) */
  missingColumns: z.array(ZBilingual),
});
export type THotlineImportReport = z.infer<typeof ZHotlineImportReport>;
