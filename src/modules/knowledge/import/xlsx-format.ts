import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

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

const cellText = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '');
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
};

/** A sheet as read: data rows, missing required headers, or the row count when over the limit. */
export interface XlsxSheet {
  rows: { row: number; data: XlsxRow }[];
  missing: string[];
  /** more data rows than allowed (the rows are then not read) */
  tooManyRows?: boolean;
}

/**
 * Streams the first sheet's rows (no shared strings, no styles) and stops past `limit`: a
 * 300,000-row file is refused in about a second instead of after a full parse of many seconds.
 */
async function hasMoreRowsThan(buf: Buffer, limit: number): Promise<boolean> {
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(buf), {
      sharedStrings: 'ignore',
      styles: 'ignore',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'ignore',
    });
    let n = 0;
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<unknown>) if (row && ++n > limit) return true;
      return false;
    }
  } catch {
    // whatever the streaming reader cannot read, the full reader judges
  }
  return false;
}

/**
 * Reads the first sheet by its header row (columns may be in any order); returns each non-empty
 * row with its sheet row number, or a list of missing headers when the file is not our template.
 */
export async function readXlsx(buf: Buffer, opts: { maxRows?: number } = {}): Promise<XlsxSheet> {
  if (opts.maxRows !== undefined && (await hasMoreRowsThan(buf, opts.maxRows + 1)))
    return { rows: [], missing: [], tooManyRows: true };
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) return { rows: [], missing: XLSX_COLUMNS.map((c) => c.header) };

  const byCol = new Map<number, XlsxKey>();
  ws.getRow(1).eachCell((cell, col) => {
    const h = cellText(cell.value).trim();
    const c = XLSX_COLUMNS.find((x) => h === x.header || h.startsWith(x.header) || h.toLowerCase() === x.key);
    if (c) byCol.set(col, c.key);
  });
  const have = new Set(byCol.values());
  const missing = XLSX_COLUMNS.filter((c) => ['question', 'answer'].includes(c.key) && !have.has(c.key)).map(
    (c) => c.header,
  );
  const rows: { row: number; data: XlsxRow }[] = [];
  ws.eachRow((r, n) => {
    if (n === 1) return;
    const data: XlsxRow = {};
    for (const [col, key] of byCol) {
      const t = cellText(r.getCell(col).value).trim();
      if (t) data[key] = t;
    }
    if (Object.keys(data).length) rows.push({ row: n, data });
  });
  return { rows, missing };
}
