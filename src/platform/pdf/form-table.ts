import PDFDocument from 'pdfkit';
import { cjkFontData } from './cjk-font.js';

/** One labelled box of a printed form. `label` may hold a line break (答复口径\n（承办部门填写）). */
export interface FormField {
  label: string;
  value: string;
  /** the least height of the row in points (room to write by hand, as on the paper form) */
  minHeight?: number;
}

/** A printable form laid out like the annexes: title, a number/date line, a bordered grid, a footer. */
export interface FormTable {
  title: string;
  /** the line above the table: 编号 on the left, 制表日期 on the right */
  header?: { left?: string; right?: string };
  /** each row holds one field (its value spans the width), or two or three side by side */
  rows: (readonly [FormField] | readonly [FormField, FormField] | readonly [FormField, FormField, FormField])[];
  /** lines under the table (窗口联系人 …) */
  footer?: string[];
}

const PAGE = { width: 595.28, height: 841.89 }; // A4
const MARGIN = 56;
const LABEL_WIDTH = 100;
/** labels of a row of three fields (反映人 | 联系方式 | 反映时间 on annex 6) are narrower */
const NARROW_LABEL_WIDTH = 64;
const PAD = 6;
const SIZE = 11;

/**
 * Renders a form as a PDF in Chinese with the CJK font (see cjk-font.ts); `compress: false`
 * leaves the page text readable in the file, for tests.
 */
export async function renderFormTable(form: FormTable, opts: { compress?: boolean } = {}): Promise<Buffer> {
  const { font, data } = cjkFontData();
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    compress: opts.compress ?? true,
    info: { Title: form.title, Producer: 'Bangban', Creator: 'Bangban' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  if (font.face) doc.registerFont('cjk', data, font.face);
  else doc.registerFont('cjk', data);
  doc.font('cjk');

  const width = PAGE.width - 2 * MARGIN;
  let y = MARGIN;
  doc.fontSize(18).text(form.title, MARGIN, y, { width, align: 'center' });
  y = doc.y + 14;
  doc.fontSize(SIZE);
  if (form.header) {
    if (form.header.left) doc.text(form.header.left, MARGIN, y, { width: width / 2 });
    if (form.header.right) doc.text(form.header.right, MARGIN + width / 2, y, { width: width / 2, align: 'right' });
    y += doc.currentLineHeight() + 8;
  }

  const textHeight = (s: string, w: number) => (s ? doc.heightOfString(s, { width: w - 2 * PAD }) : 0);
  for (const row of form.rows) {
    const labelWidth = row.length === 3 ? NARROW_LABEL_WIDTH : LABEL_WIDTH;
    const valueWidth = (width - row.length * labelWidth) / row.length;
    const cells = row.flatMap((f, i) => {
      const x = MARGIN + i * (labelWidth + valueWidth);
      return [
        { x, w: labelWidth, text: f.label, label: true, min: f.minHeight ?? 0 },
        { x: x + labelWidth, w: valueWidth, text: f.value, label: false, min: f.minHeight ?? 0 },
      ];
    });
    const h = Math.max(24, ...cells.map((c) => Math.max(c.min, textHeight(c.text, c.w) + 2 * PAD)));
    if (y + h > PAGE.height - MARGIN) {
      doc.addPage();
      y = MARGIN;
    }
    for (const c of cells) {
      doc.lineWidth(0.8).rect(c.x, y, c.w, h).stroke();
      if (!c.text) continue;
      const th = textHeight(c.text, c.w);
      // labels sit in the middle of their box, values at the top (room to write below)
      const ty = c.label ? y + (h - th) / 2 : y + PAD;
      doc.text(c.text, c.x + PAD, ty, { width: c.w - 2 * PAD, align: c.label ? 'center' : 'left' });
    }
    y += h;
  }
  y += 10;
  for (const line of form.footer ?? []) {
    doc.text(line, MARGIN, y, { width });
    y = doc.y + 4;
  }
  doc.end();
  return done;
}
