import { z } from 'zod';
import { ZBilingual } from './common.js';
import { WORK_ORDER_TYPES } from './enums/work-orders.js';
import { HOTLINE_FIELDS, IMPORT_ROW_OUTCOMES } from './enums/work-order-import.js';

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
