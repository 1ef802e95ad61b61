/**
 * The text of an uncompressed PDF made by pdfkit (`compress: false`), for tests: glyph codes of
 * every TJ/Tj operator mapped back to characters through the fonts' ToUnicode maps.
 */
export function pdfText(pdf: Buffer): string {
  const s = pdf.toString('latin1');
  const map = new Map<number, string>();
  const unhex = (h: string) => {
    const clean = h.replace(/\s+/g, '');
    const units: number[] = [];
    for (let i = 0; i + 4 <= clean.length; i += 4) units.push(parseInt(clean.slice(i, i + 4), 16));
    return String.fromCharCode(...units);
  };
  for (const m of s.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const r of m[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F\s]+>)/g)) {
      const start = parseInt(r[1], 16);
      const end = parseInt(r[2], 16);
      if (r[3].startsWith('[')) {
        [...r[3].matchAll(/<([0-9a-fA-F\s]+)>/g)].forEach((u, i) => map.set(start + i, unhex(u[1])));
      } else {
        const first = unhex(r[3].slice(1, -1));
        for (let c = start; c <= end; c++)
          map.set(c, first.slice(0, -1) + String.fromCharCode(first.charCodeAt(first.length - 1) + c - start));
      }
    }
  }
  for (const m of s.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const r of m[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]+)>/g)) map.set(parseInt(r[1], 16), unhex(r[2]));
  const lines: string[] = [];
  for (const m of s.matchAll(/\[([^\]]*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
    const hexes = m[1] !== undefined ? [...m[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((x) => x[1]) : [m[2]];
    let line = '';
    for (const h of hexes)
      for (let i = 0; i + 4 <= h.length; i += 4) line += map.get(parseInt(h.slice(i, i + 4), 16)) ?? '';
    lines.push(line);
  }
  return lines.join('\n');
}
