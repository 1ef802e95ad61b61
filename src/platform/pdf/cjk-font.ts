import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { AppError } from '../errors.js';

/** A Chinese font file and, for a collection (.ttc), the face to use in it. */
export interface CjkFont {
  path: string;
  /** PostScript name of the face inside a .ttc (e.g. NotoSansCJKsc-Regular); null for a single font */
  face: string | null;
}

/** Where Debian's fonts-noto-cjk (installed by `npm test`) and common distributions put a CJK font. */
const KNOWN: CjkFont[] = [
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', face: 'NotoSerifCJKsc-Regular' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', face: 'WenQuanYiMicroHei' },
];
/** File names that are Chinese fonts (fc-match answers with any font at all when none is installed). */
const CJK_FILE = /CJK|SourceHan|wqy|DroidSansFallback|NotoSansSC|NotoSerifSC/i;

function fromFontconfig(): CjkFont | null {
  try {
    const out = execFileSync('fc-match', ['-f', '%{file}\n%{postscriptname}', 'Noto Sans CJK SC'], {
      encoding: 'utf8',
      timeout: 5_000,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const [path, face] = out.split('\n');
    if (!path || !CJK_FILE.test(path) || !fs.existsSync(path)) return null;
    return { path, face: /\.ttc$/i.test(path) ? face || null : null };
  } catch {
    return null; // no fontconfig on this machine
  }
}

/**
 * Finds a Chinese font for printed forms: fontconfig's answer for Noto Sans CJK SC, else the
 * usual install paths. Throws a clear 503 when there is none (PDFs without one would print boxes).
 */
export function findCjkFont(): CjkFont {
  const found = fromFontconfig() ?? KNOWN.find((f) => fs.existsSync(f.path));
  if (!found)
    throw new AppError('UNAVAILABLE', {
      zh: '服务器没有安装中文字体（Noto Sans CJK），无法生成 PDF。请管理员安装 fonts-noto-cjk 后重试。',
      en: 'No Chinese font (Noto Sans CJK) is installed on the server, so no PDF can be made. Install fonts-noto-cjk.',
    });
  return found;
}

let loaded: { font: CjkFont; data: Buffer } | null = null;

/** The font's bytes, read once per process (the collection is ~20 MB; pdfkit embeds only the glyphs used). */
export function cjkFontData(): { font: CjkFont; data: Buffer } {
  if (!loaded) {
    const font = findCjkFont();
    loaded = { font, data: fs.readFileSync(font.path) };
  }
  return loaded;
}
