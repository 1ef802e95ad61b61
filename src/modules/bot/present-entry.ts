import type { BotIndex, LiveEntry } from './bot-index.js';

/** An entry as the citizen sees it under an answer or "您是不是想问". */
export interface PresentedEntry {
  entryId: string;
  code: string;
  question: string;
  answerHtml: string;
  matter: string | null;
  guideUrl: string | null;
  department: string;
  lastReviewed: string;
  version: number;
}

export function presentEntry(e: LiveEntry): PresentedEntry {
  return {
    entryId: e.id,
    code: e.code,
    question: e.question,
    answerHtml: e.answer,
    matter: e.matterName,
    guideUrl: e.guideUrl,
    department: e.departmentName,
    lastReviewed: e.publishedAt,
    version: e.version,
  };
}

/** An entry answers only inside its validity dates (Shanghai calendar day). */
export function isValid(e: LiveEntry | undefined, today: string): e is LiveEntry {
  return !!e && (!e.validFrom || e.validFrom <= today) && (!e.validUntil || e.validUntil >= today);
}

/** Up to three other questions of the same matter, to help the citizen's next step. */
export function relatedOf(index: BotIndex, entry: LiveEntry, today: string): { entryId: string; question: string }[] {
  if (!entry.matterId) return [];
  const out: { entryId: string; question: string }[] = [];
  for (const e of index.entriesOfMatter(entry.matterId)) {
    if (e.id !== entry.id && isValid(e, today)) out.push({ entryId: e.id, question: e.question });
    if (out.length === 3) break;
  }
  return out;
}
