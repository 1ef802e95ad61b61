import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { withoutControlCharacters } from '../http/input-hygiene.js';

/** One column an import understands: its key and the headers it goes by (the first is the template's). */
export interface SheetColumn {
  key: string;
  headers: readonly string[];
}

/** A sheet as read: non-empty data rows by their sheet row number, the keys whose header was found. */
export interface SheetRows {
  rows: { row: number; data: Record<string, string> }[];
  found: string[];
  /** more data rows than allowed (the rows are then not read) */
  tooManyRows?: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A cell as text. A date cell holds the wall-clock time the sheet shows (Excel has no time zone;
 * ExcelJS reads it as UTC): 2026-09-30, or 2026-09-30 16:00:00 when it has a time of day. Control
 * characters (a NUL, which PostgreSQL refuses in text) are dropped.
 */
export function cellText(v: ExcelJS.CellValue): string {
  return withoutControlCharacters(rawCellText(v));
}

function rawCellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    const day = v.toISOString().slice(0, 10);
    const [h, m, s] = [v.getUTCHours(), v.getUTCMinutes(), v.getUTCSeconds()];
    return h || m || s ? `${day} ${pad(h)}:${pad(m)}:${pad(s)}` : day;
  }
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  if (typeof v === 'object' && 'result' in v)
    return v.result instanceof Date ? rawCellText(v.result) : String(v.result ?? '');
  return String(v);
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

/** The column a header names: exactly, by a header it starts with (标准问题（必填）), or by its key. */
function columnOf(columns: readonly SheetColumn[], header: string): SheetColumn | undefined {
  const h = header.replace(/\s+/g, '');
  return (
    columns.find((c) => c.headers.includes(h) || c.key.toLowerCase() === h.toLowerCase()) ??
    columns.find((c) => c.headers.some((x) => h.startsWith(x)))
  );
}

/**
 * Reads the first sheet by its header row (columns in any order, each by any of its headers);
 * returns each non-empty row with its sheet row number. Refuses more than `maxRows` data rows.
 */
export async function readSheet(
  buf: Buffer,
  opts: { columns: readonly SheetColumn[]; maxRows?: number },
): Promise<SheetRows> {
  if (opts.maxRows !== undefined && (await hasMoreRowsThan(buf, opts.maxRows + 1)))
    return { rows: [], found: [], tooManyRows: true };
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) return { rows: [], found: [] };
  const byCol = new Map<number, string>();
  ws.getRow(1).eachCell((cell, col) => {
    const c = columnOf(opts.columns, cellText(cell.value).trim());
    if (c && ![...byCol.values()].includes(c.key)) byCol.set(col, c.key);
  });
  const rows: SheetRows['rows'] = [];
  ws.eachRow((r, n) => {
    if (n === 1) return;
    const data: Record<string, string> = {};
    for (const [col, key] of byCol) {
      const t = cellText(r.getCell(col).value).trim();
      if (t) data[key] = t;
    }
    if (Object.keys(data).length) rows.push({ row: n, data });
  });
  return { rows, found: [...byCol.values()] };
}
