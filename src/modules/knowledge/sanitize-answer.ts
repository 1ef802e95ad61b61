import sanitizeHtml from 'sanitize-html';
import { AppError } from '../../platform/errors.js';
import { plainToHtml } from './seed/seed-knowledge.js';

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'em',
    'ul',
    'ol',
    'li',
    'a',
    'h3',
    'h4',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: { a: ['href', 'target', 'rel'], th: ['colspan', 'rowspan'], td: ['colspan', 'rowspan'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }) },
};

/**
 * The reply wording is rich text shown to citizens by the bot and the portal, so it is cleaned
 * on the server on every write (scripts, event handlers, styles and unsafe links removed);
 * plain text (an import, a proposal) becomes paragraphs.
 */
export function sanitizeAnswer(input: string): string {
  const trimmed = input.trim();
  if (!/<[a-z!/][^>]*>/i.test(trimmed)) return plainToHtml(trimmed);
  return sanitizeHtml(trimmed, OPTIONS).trim();
}

/** The answer as plain text (for diffs, search and export to plain-text systems). */
export function answerText(html: string): string {
  const withBreaks = html.replace(/<\/(p|li|h3|h4|tr)>|<br\s*\/?>/gi, '\n');
  return sanitizeHtml(withBreaks, { allowedTags: [], allowedAttributes: {} })
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

/**
 * The cleaned answer, or 400 when nothing is left of it (e.g. only a script or empty tags): an
 * entry must never go to citizens with an empty reply.
 */
export function requireAnswer(input: string, field = 'answer'): string {
  const html = sanitizeAnswer(input);
  if (!answerText(html))
    throw new AppError(
      'VALIDATION_FAILED',
      {
        zh: '答复内容为空：清除不安全的代码后没有剩下任何文字，请填写答复正文。',
        en: 'The answer is empty once unsafe code is removed; please write the answer text.',
      },
      { field },
    );
  return html;
}
