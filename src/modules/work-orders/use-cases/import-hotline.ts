import type { Db } from '../../../platform/db/connect.js';
import { AppError } from '../../../platform/errors.js';
import type { Actor } from '../../../platform/events/record-event.js';
import { maskPhone } from '../../../platform/privacy/mask.js';
import { checkImportSize, requireXlsx, tooManyRows } from '../../../platform/spreadsheet/import-limits.js';
import { readSheetOffThread } from '../../../platform/spreadsheet/read-off-thread.js';
import type { SheetRows } from '../../../platform/spreadsheet/read-sheet.js';
import type { THotlineImportReport, TImportRowReport } from '../../../contracts/work-order-import.js';
import {
  checkHotlineRows,
  departmentKey,
  fieldLabel,
  HOTLINE_COLUMNS,
  HOTLINE_IMPORT_LIMITS,
  type HotlineRow,
} from '../import/hotline-sheet.js';
import { receiveOrder, type ReceiveDeps } from './receive-order.js';

const CHUNK = 400;

/** Reads and checks the file: content type, size, rows, required headers (each refusal a clear 400). */
async function readExport(base64: string): Promise<SheetRows> {
  const buf = Buffer.from(base64, 'base64');
  checkImportSize(buf, HOTLINE_IMPORT_LIMITS);
  requireXlsx(buf);
  let sheet: SheetRows;
  try {
    sheet = await readSheetOffThread(buf, { columns: HOTLINE_COLUMNS, maxRows: HOTLINE_IMPORT_LIMITS.maxRows });
  } catch {
    throw new AppError('VALIDATION_FAILED', {
      zh: '无法读取该 Excel 文件，请重新从 12345 系统导出后再试。',
      en: 'The Excel file cannot be read; export it from the 12345 system again.',
    });
  }
  if (sheet.tooManyRows) throw tooManyRows(HOTLINE_IMPORT_LIMITS);
  const missing = HOTLINE_COLUMNS.filter((c) => c.required && !sheet.found.includes(c.key)).map((c) => c.label);
  if (missing.length)
    throw new AppError(
      'VALIDATION_FAILED',
      {
        zh: `表头缺少：${missing.map((m) => m.zh).join('、')}。请上传 12345 系统导出的工单表。`,
        en: `Missing columns: ${missing.map((m) => m.en).join(', ')}. Upload the 12345 order export.`,
      },
      { missing },
    );
  if (!sheet.rows.length)
    throw new AppError('VALIDATION_FAILED', { zh: '文件中没有工单数据。', en: 'The file holds no orders.' });
  return sheet;
}

async function departmentNames(db: Db): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const d of await db
    .selectFrom('departments')
    .select(['id', 'code', 'name_zh'])
    .where('active', '=', 1)
    .execute()) {
    out.set(departmentKey(d.name_zh), d.id);
    out.set(d.code, d.id);
  }
  return out;
}

/** The 12345 numbers already received, with the order each made. */
async function existing(db: Db, numbers: string[]): Promise<Map<string, { id: string; number: string }>> {
  const out = new Map<string, { id: string; number: string }>();
  for (let i = 0; i < numbers.length; i += CHUNK) {
    const rows = await db
      .selectFrom('work_orders')
      .select(['id', 'number', 'external_no'])
      .where('source', '=', 'hotline_12345')
      .where('external_no', 'in', numbers.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) out.set(r.external_no!, { id: r.id, number: r.number });
  }
  return out;
}

function reportRow(r: HotlineRow, outcome: TImportRowReport['outcome'], order?: { id: string; number: string }) {
  return {
    row: r.row,
    externalNo: r.externalNo,
    title: r.title,
    type: r.type,
    receivedAt: r.receivedAt,
    citizenName: r.citizenName,
    citizenPhone: maskPhone(r.citizenPhone),
    unit: r.unit,
    departmentId: r.departmentId,
    outcome,
    orderId: order?.id ?? null,
    orderNumber: order?.number ?? null,
    errors: r.errors.map((e) => ({ field: e.field, fieldLabel: fieldLabel(e.field), message: e.message })),
  };
}

function summarise(imported: boolean, sheet: SheetRows, rows: TImportRowReport[]): THotlineImportReport {
  const counts = { total: rows.length, new: 0, exists: 0, invalid: 0, created: 0 };
  for (const r of rows) counts[r.outcome]++;
  const missingColumns = HOTLINE_COLUMNS.filter((c) => !sheet.found.includes(c.key)).map((c) => c.label);
  return { imported, rows, counts, missingColumns };
}

async function checked(db: Db, now: Date, base64: string) {
  const sheet = await readExport(base64);
  const rows = checkHotlineRows(sheet.rows, await departmentNames(db), now);
  const known = await existing(
    db,
    rows.flatMap((r) => (r.externalNo && !r.errors.length ? [r.externalNo] : [])),
  );
  return { sheet, rows, known };
}

/**
 * The preview of a 12345 export (SPEC §3.4): every row checked and reported (row, field, reason in
 * Chinese and English), the rows whose 12345 number was already received marked; nothing stored.
 */
export async function previewHotlineImport(db: Db, now: Date, base64: string): Promise<THotlineImportReport> {
  const { sheet, rows, known } = await checked(db, now, base64);
  return summarise(
    false,
    sheet,
    rows.map((r) =>
      r.errors.length
        ? reportRow(r, 'invalid')
        : known.has(r.externalNo!)
          ? reportRow(r, 'exists', known.get(r.externalNo!))
          : reportRow(r, 'new'),
    ),
  );
}

/**
 * Imports a 12345 export: each good row through the one intake (receiveOrder, source hotline_12345,
 * idempotent on the 12345 number: a file imported twice creates nothing the second time, and the
 * report says which rows already existed). A file with bad rows is refused whole unless the user
 * chose to import the good rows only; the bad rows are then reported and skipped.
 */
export async function importHotlineOrders(
  deps: ReceiveDeps,
  actor: Actor,
  now: Date,
  input: { content: string; goodRowsOnly: boolean },
): Promise<THotlineImportReport> {
  const { sheet, rows } = await checked(deps.db, now, input.content);
  const bad = rows.filter((r) => r.errors.length);
  if (bad.length && !input.goodRowsOnly)
    throw new AppError(
      'VALIDATION_FAILED',
      {
        zh: `有 ${bad.length} 行有误，未导入任何工单。请修改后重新导入，或选择“仅导入无误的行”。`,
        en: `${bad.length} row(s) have errors; nothing was imported. Fix them, or choose to import the good rows only.`,
      },
      { invalidRows: bad.map((r) => r.row) },
    );
  const out: TImportRowReport[] = [];
  for (const r of rows) {
    if (r.errors.length) {
      out.push(reportRow(r, 'invalid'));
      continue;
    }
    const receipt = await receiveOrder(deps, actor, now, {
      source: 'hotline_12345',
      externalNo: r.externalNo,
      type: r.type!,
      title: r.title!,
      content: r.content!,
      citizenName: r.citizenName,
      citizenPhone: r.citizenPhone,
      receivedAt: new Date(r.receivedAt!),
      details: { importedFrom: 'xlsx', hotlineUnit: r.unit, suggestedDepartmentId: r.departmentId },
    });
    out.push(reportRow(r, receipt.duplicate ? 'exists' : 'created', receipt));
  }
  return summarise(true, sheet, out);
}
