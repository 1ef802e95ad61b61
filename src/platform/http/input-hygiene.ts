import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';

/**
 * C0 control characters other than tab, line feed and carriage return, and DEL. PostgreSQL refuses
 * NUL in text (error 22021) while SQLite stores it, and none of them belongs in a name, a question
 * or a search, so they are refused at the edge, identically on both databases.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Text from a file (a spreadsheet cell) with its control characters dropped: not refused, as a person cannot see them to fix them. */
export function withoutControlCharacters(s: string): string {
  return s.replace(new RegExp(CONTROL.source, 'g'), '');
}

/** The dotted path of the first string (or object key) holding a control character, or null. */
export function findControlCharacter(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return CONTROL.test(value) ? path : null;
  if (!value || typeof value !== 'object' || depth > 32) return null;
  if (Buffer.isBuffer(value)) return null;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const at = path ? `${path}.${k}` : k;
    if (CONTROL.test(k)) return at;
    const found = findControlCharacter(v, at, depth + 1);
    if (found) return found;
  }
  return null;
}

/** Refuses, on every route, a body, query string or path parameter carrying a control character. */
export function installInputHygiene(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    const field =
      findControlCharacter(req.params, 'params') ??
      findControlCharacter(req.query, 'querystring') ??
      findControlCharacter(req.body, 'body');
    if (!field) return;
    throw new AppError(
      'VALIDATION_FAILED',
      {
        zh: `填写的内容含有不可见的控制字符（${field}），请删除后重试。`,
        en: `A field contains an invisible control character (${field}); please remove it and retry.`,
      },
      { issues: [{ field, message: 'control character' }] },
    );
  });
}
