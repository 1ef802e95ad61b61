import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';

/** A small 12345 export for the import dialog: two good rows and one bad (its number `SH26112501<batch>…`). */
export async function hotlineExportFile(batch: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('工单');
  ws.addRow(['工单编号', '来电时间', '诉求类型', '标题', '诉求内容', '来电人', '联系电话', '承办单位']);
  ws.addRow([
    `SH26112501${batch}1`,
    '2026-11-25 08:40',
    '投诉',
    '自来水浑浊',
    '小区自来水发黄两天。',
    '王女士',
    '13912345678',
    '供水处',
  ]);
  ws.addRow([
    `SH26112501${batch}2`,
    '2026-11-25 09:05',
    '咨询',
    '取水许可',
    '取水许可证延续材料？',
    '李先生',
    '021-63211234',
    '水资源处',
  ]);
  ws.addRow(['', '昨天下午', '表扬', '', '', '', '12345', '']);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'orders-')), `12345导出-${batch}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}
