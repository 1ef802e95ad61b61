import type { TChatMessage } from '../../contracts/livechat.js';
import { shanghaiDate, shanghaiTime } from '../../platform/calendar/index.js';

/** A conversation's transcript for the citizen or the agent: plain UTF-8 text or a simple PDF. */

const WHO = { citizen: '市民', bot: '小申', system: '系统' } as const;

export function transcriptLines(head: { number: string; createdAt: string }, messages: TChatMessage[]): string[] {
  const when = (iso: string) => `${shanghaiDate(new Date(iso))} ${shanghaiTime(new Date(iso))}`;
  const lines = [`上海市水务局 人工帮办会话记录 ${head.number}`, `开始时间：${when(head.createdAt)}`, ''];
  for (const m of messages) {
    const who =
      m.from === 'agent'
        ? `客服 ${m.author?.displayName ?? ''}${m.author?.workNumber ? `（工号 ${m.author.workNumber}）` : ''}`
        : WHO[m.from];
    const gone = m.file?.purgedAt ? `（已超过保存期限，于 ${shanghaiDate(new Date(m.file.purgedAt))} 删除）` : '';
    const body = m.kind === 'file' ? `[文件] ${m.file?.name ?? ''}${gone}${m.text ? ` ${m.text}` : ''}` : m.text;
    const note = m.kind === 'note' ? '[内部备注] ' : '';
    lines.push(`[${when(m.at)}] ${who}：${note}${body}`);
  }
  return lines;
}

export function transcriptText(lines: string[]): string {
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * A PDF with no embedded font: Adobe's standard Chinese font STSong-Light (UniGB-UCS2-H), which
 * PDF readers provide, so the file stays small. Characters beyond the BMP are shown as '?'.
 */
export function transcriptPdf(lines: string[]): Buffer {
  const SIZE = 10;
  const LEADING = 15;
  const MAX_EM = 49;
  const wrapped: string[] = [];
  for (const line of lines) {
    let cur = '';
    let em = 0;
    for (const ch of line) {
      const w = ch.charCodeAt(0) < 128 ? 0.5 : 1;
      if (em + w > MAX_EM) {
        wrapped.push(cur);
        cur = '';
        em = 0;
      }
      cur += ch;
      em += w;
    }
    wrapped.push(cur);
  }
  const perPage = Math.floor((842 - 100) / LEADING);
  const pages: string[][] = [];
  for (let i = 0; i < wrapped.length; i += perPage) pages.push(wrapped.slice(i, i + perPage));
  if (!pages.length) pages.push([]);
  const hex = (s: string) =>
    [...s]
      .map((ch) => {
        const code = ch.codePointAt(0)!;
        return (code > 0xffff ? 0x3f : code).toString(16).padStart(4, '0');
      })
      .join('');
  const objects: string[] = [];
  const add = (body: string) => objects.push(body) - 1 + 1; // object number (1-based)
  const catalog = add('');
  const pagesObj = add('');
  const font = add('');
  const cid = add('');
  const desc = add('');
  objects[font - 1] =
    `<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [${cid} 0 R] >>`;
  objects[cid - 1] =
    `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor ${desc} 0 R /DW 1000 /W [1 95 500] >>`;
  objects[desc - 1] =
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>';
  const kids: number[] = [];
  for (const page of pages) {
    const ops = page.map((l, i) => `BT /F1 ${SIZE} Tf 50 ${792 - i * LEADING} Td <${hex(l)}> Tj ET`).join('\n');
    const content = add(`<< /Length ${Buffer.byteLength(ops)} >>\nstream\n${ops}\nendstream`);
    kids.push(
      add(
        `<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`,
      ),
    );
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
