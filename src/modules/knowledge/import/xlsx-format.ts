import ExcelJS from 'exceljs';
import { readSheetOffThread } from '../../../platform/spreadsheet/read-off-thread.js';
import { readSheet, type SheetColumn, type SheetRows } from '../../../platform/spreadsheet/read-sheet.js';

/** The columns of the XLSX template, in order, with the Chinese headers editors see. */
export const XLSX_COLUMNS = [
  { key: 'question', header: '标准问题', width: 40 },
  { key: 'similar', header: '相似问题', width: 40 },
  { key: 'answer', header: '答复口径', width: 60 },
  { key: 'matter', header: '事项编码', width: 18 },
  { key: 'category', header: '分类', width: 8 },
  { key: 'department', header: '主办部门', width: 16 },
  { key: 'tags', header: '标签', width: 20 },
  { key: 'id', header: '编号', width: 14 },
] as const;

export type XlsxKey = (typeof XLSX_COLUMNS)[number]['key'];
export type XlsxRow = Partial<Record<XlsxKey, string>>;

/** Splits a multi-value cell: one value per line, or separated by ｜ (also | ; ；). */
export function splitCell(s: string | undefined): string[] {
  return (s ?? '')
    .split(/\r?\n|[｜|;；]/)
    .map((x) => x.trim())
    .filter(Boolean);
}

/** Writes rows under the Chinese headers; used for the empty template and for exports. */
export async function writeXlsx(rows: XlsxRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('知识库');
  ws.columns = XLSX_COLUMNS.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width,
    style: { alignment: { wrapText: true, vertical: 'top' } },
  }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The template's columns as the sheet reader takes them (a header that starts with one counts too). */
const SHEET_COLUMNS: SheetColumn[] = XLSX_COLUMNS.map((c) => ({ key: c.key, headers: [c.header] }));
/** Without these a file is not our template. */
const REQUIRED: XlsxKey[] = ['question', 'answer'];

/** A sheet as read: data rows, missing required headers, or the row count when over the limit. */
export interface XlsxSheet {
  rows: { row: number; data: XlsxRow }[];
  missing: string[];
  /** more data rows than allowed (the rows are then not read) */
  tooManyRows?: boolean;
}

/** What the sheet reader found, in the template's terms: rows by key, the required headers missing. */
function asTemplate(sheet: SheetRows): XlsxSheet {
  if (sheet.tooManyRows) return { rows: [], missing: [], tooManyRows: true };
  const missing = XLSX_COLUMNS.filter((c) => REQUIRED.includes(c.key) && !sheet.found.includes(c.key)).map(
    (c) => c.header,
  );
  return { rows: sheet.rows, missing };
}

/**
 * Reads the first sheet by its header row (columns may be in any order); returns each non-empty
 * row with its sheet row number, or a list of missing headers when the file is not our template.
 */
export async function readXlsx(buf: Buffer, opts: { maxRows?: number } = {}): Promise<XlsxSheet> {
  return asTemplate(await readSheet(buf, { columns: SHEET_COLUMNS, maxRows: opts.maxRows }));
}

/** The same, parsed in a worker thread (platform/spreadsheet): a big file never stalls the server. */
export async function readXlsxOffThread(buf: Buffer, maxRows: number): Promise<XlsxSheet> {
  return asTemplate(await readSheetOffThread(buf, { columns: SHEET_COLUMNS, maxRows }));
}
