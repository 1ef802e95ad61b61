/** Reads a pasted year of holidays: lines like `2027-01-01,holiday,元旦`, or a JSON array of {date, kind, name}. */

export interface ImportDay {
  date: string;
  kind: 'holiday' | 'workday';
  name?: string;
}
export interface ParseResult {
  days: ImportDay[];
  errors: { line: number; text: string; reason: 'format' | 'date' | 'kind' | 'year' | 'duplicate' }[];
  year: number | null;
}

const HOLIDAY = new Set(['holiday', 'h', '休', '假', '放假', '休息', '节假日']);
const WORKDAY = new Set(['workday', 'w', '班', '上班', '调休', '调休上班', '补班', '工作日']);

function kindOf(s: string): ImportDay['kind'] | null {
  const k = s.trim().toLowerCase();
  return HOLIDAY.has(k) ? 'holiday' : WORKDAY.has(k) ? 'workday' : null;
}

function realDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

export function parseCalendarImport(text: string, wantedYear?: number): ParseResult {
  const rows: { line: number; text: string; date: string; kind: string; name?: string }[] = [];
  const errors: ParseResult['errors'] = [];
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    try {
      const arr = JSON.parse(trimmed) as unknown[];
      arr.forEach((o, i) => {
        const r = (o ?? {}) as { date?: unknown; kind?: unknown; name?: unknown };
        rows.push({
          line: i + 1,
          text: JSON.stringify(o),
          date: String(r.date ?? ''),
          kind: String(r.kind ?? ''),
          name: r.name ? String(r.name) : undefined,
        });
      });
    } catch {
      return { days: [], errors: [{ line: 0, text: trimmed.slice(0, 60), reason: 'format' }], year: null };
    }
  } else {
    trimmed.split(/\r?\n/).forEach((raw, i) => {
      const line = raw.trim();
      if (!line || line.startsWith('#')) return;
      const cells = line.split(/\s*[,，\t;；]\s*|\s+/).filter(Boolean);
      if (cells.length < 2) {
        errors.push({ line: i + 1, text: line, reason: 'format' });
        return;
      }
      rows.push({
        line: i + 1,
        text: line,
        date: cells[0].replace(/\//g, '-'),
        kind: cells[1],
        name: cells.slice(2).join(' ') || undefined,
      });
    });
  }
  const year = wantedYear ?? (rows[0] && realDate(rows[0].date) ? Number(rows[0].date.slice(0, 4)) : null);
  const seen = new Set<string>();
  const days: ImportDay[] = [];
  for (const r of rows) {
    const kind = kindOf(r.kind);
    if (!realDate(r.date)) errors.push({ line: r.line, text: r.text, reason: 'date' });
    else if (!kind) errors.push({ line: r.line, text: r.text, reason: 'kind' });
    else if (year !== null && Number(r.date.slice(0, 4)) !== year)
      errors.push({ line: r.line, text: r.text, reason: 'year' });
    else if (seen.has(r.date)) errors.push({ line: r.line, text: r.text, reason: 'duplicate' });
    else {
      seen.add(r.date);
      days.push({ date: r.date, kind, ...(r.name ? { name: r.name.slice(0, 40) } : {}) });
    }
  }
  days.sort((a, b) => a.date.localeCompare(b.date));
  return { days, errors, year };
}
