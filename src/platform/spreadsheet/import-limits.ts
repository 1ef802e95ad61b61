import { AppError } from '../errors.js';

/** How big one import file may be: its bytes and its data rows (each importing module sets its own). */
export interface ImportLimits {
  maxBytes: number;
  maxRows: number;
}

const mb = (n: number) => (n / 1048576).toFixed(n % 1048576 ? 1 : 0);

/** Refuses a file over the byte limit, saying by how much (before anything is parsed). */
export function checkImportSize(buf: Buffer, limits: ImportLimits): void {
  if (buf.length <= limits.maxBytes) return;
  throw new AppError(
    'VALIDATION_FAILED',
    {
      zh: `文件大小 ${mb(buf.length)} MB，超过 ${mb(limits.maxBytes)} MB 上限，请分成几个文件导入。`,
      en: `The file is ${mb(buf.length)} MB, over the ${mb(limits.maxBytes)} MB limit; split it into several files.`,
    },
    { bytes: buf.length, maxBytes: limits.maxBytes },
  );
}

/** The answer to a file with more data rows than one import takes. */
export function tooManyRows(limits: ImportLimits, count?: number): AppError {
  const zhCount = count ? `文件有 ${count} 行，` : '文件行数过多，';
  const enCount = count ? `The file has ${count} rows; ` : 'The file has too many rows; ';
  return new AppError(
    'VALIDATION_FAILED',
    {
      zh: `${zhCount}一次最多导入 ${limits.maxRows} 行，请分成几个文件导入。`,
      en: `${enCount}at most ${limits.maxRows} can be imported at once. Split it into several files.`,
    },
    { rowCount: count ?? null, maxRows: limits.maxRows },
  );
}

/**
 * Whether the bytes are an Excel workbook (.xlsx), judged by the content, not the name: a ZIP
 * archive (PK\x03\x04) holding xl/workbook.xml. An old binary .xls, a CSV or a PDF renamed .xlsx is refused.
 */
export function looksLikeXlsx(buf: Buffer): boolean {
  if (buf.length < 30 || buf.readUInt32LE(0) !== 0x04034b50) return false;
  return buf.includes('xl/workbook.xml', 0, 'latin1');
}

/** Refuses a file that is not an .xlsx workbook by its content, with a hint for the old .xls format. */
export function requireXlsx(buf: Buffer): void {
  if (looksLikeXlsx(buf)) return;
  const ole = buf.length >= 8 && buf.readUInt32BE(0) === 0xd0cf11e0;
  throw new AppError('VALIDATION_FAILED', {
    zh: ole
      ? '这是旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 后再导入。'
      : '文件内容不是 Excel 工作簿（.xlsx），请上传 .xlsx 格式的文件。',
    en: ole
      ? 'This is an old Excel (.xls) file; save it as .xlsx in Excel and import again.'
      : 'By its content the file is not an Excel workbook (.xlsx); upload an .xlsx file.',
  });
}
