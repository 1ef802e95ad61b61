import { isUniqueViolation } from '../../../platform/db/constraint.js';
import type { Db } from '../../../platform/db/connect.js';
import { AppError } from '../../../platform/errors.js';
import type { Actor } from '../../../platform/events/record-event.js';
import { newId } from '../../../platform/ids.js';
import { CHAT_FILE_MAX_BYTES } from '../../../contracts/enums/livechat.js';
import { appendMessage } from '../append-message.js';
import type { MessageRow } from '../livechat.repo.js';
import {
  byClientId,
  CONVERSATION_CLOSED,
  markFirstResponse,
  senderConversation,
  type ChatSender,
} from './send-message.js';

const EXTENSIONS: Record<string, string[]> = {
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'application/pdf': ['pdf'],
};

/** The file's type read from its first bytes (PNG, JPEG, GIF, WebP, PDF), or null for anything else. */
export function sniffType(b: Uint8Array): string | null {
  const ascii = (from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
  if (b.length >= 8 && b[0] === 0x89 && ascii(1, 4) === 'PNG' && b[4] === 0x0d && b[5] === 0x0a) return 'image/png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 6 && (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a')) return 'image/gif';
  if (b.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  if (b.length >= 5 && ascii(0, 5) === '%PDF-') return 'application/pdf';
  return null;
}

/** A file name safe to show and to send back in a header: no path, no control characters, at most 100 characters. */
function cleanName(name: string): string {
  const base = [...(name.split(/[\\/]/).pop() ?? '')]
    .filter((ch) => ch.charCodeAt(0) >= 32 && ch !== '\u007f' && ch !== '"')
    .join('')
    .trim();
  return base.slice(-100) || 'file';
}

/**
 * A picture or PDF sent in a conversation: its type is read from its content (the name's extension
 * must agree: a .png that is a PDF is refused), its size limited, and it is stored in the database
 * (every node serves it) with a `file` message; the clientId makes a retried upload answer the
 * first one.
 */
export async function uploadFile(
  db: Db,
  actor: Actor,
  now: Date,
  from: ChatSender,
  input: { conversationId: string; clientId: string; name: string; data: Uint8Array },
): Promise<{ stored: MessageRow; repeated: boolean }> {
  const c = await senderConversation(db, from, input.conversationId);
  const earlier = await byClientId(db, c.id, input.clientId);
  if (earlier) return { stored: earlier, repeated: true };
  if (c.status === 'closed') throw new AppError('INVALID_TRANSITION', CONVERSATION_CLOSED, { current: 'closed' });
  if (input.data.length === 0 || input.data.length > CHAT_FILE_MAX_BYTES)
    throw new AppError(
      'VALIDATION_FAILED',
      {
        zh: `文件须为 1 字节至 ${CHAT_FILE_MAX_BYTES / 1024 / 1024} MB。`,
        en: `A file must be between 1 byte and ${CHAT_FILE_MAX_BYTES / 1024 / 1024} MB.`,
      },
      { field: 'file' },
    );
  const mime = sniffType(input.data);
  if (!mime)
    throw new AppError(
      'VALIDATION_FAILED',
      {
        zh: '只能发送图片（PNG、JPEG、GIF、WebP）或 PDF 文件。',
        en: 'Only pictures (PNG, JPEG, GIF, WebP) or PDF files can be sent.',
      },
      { field: 'file' },
    );
  let name = cleanName(input.name);
  const ext = /\.([a-z0-9]{1,5})$/i.exec(name)?.[1]?.toLowerCase();
  if (ext && !EXTENSIONS[mime].includes(ext))
    throw new AppError(
      'VALIDATION_FAILED',
      {
        zh: `文件名为 .${ext}，但内容是 ${EXTENSIONS[mime][0].toUpperCase()}，请检查后重新选择。`,
        en: `The file is named .${ext} but its content is ${EXTENSIONS[mime][0].toUpperCase()}.`,
      },
      { field: 'file', detected: mime },
    );
  if (!ext) name = `${name}.${EXTENSIONS[mime][0]}`;
  try {
    const stored = await db.transaction().execute(async (trx) => {
      const id = newId();
      await trx
        .insertInto('chat_attachments')
        .values({
          id,
          conversation_id: c.id,
          name,
          mime,
          size: input.data.length,
          data: Buffer.from(input.data),
          created_at: now.toISOString(),
        })
        .execute();
      const row = await appendMessage(trx, actor, now, {
        conversationId: c.id,
        author: from.side === 'citizen' ? 'citizen' : 'agent',
        authorId: from.side === 'agent' ? from.principal.id : null,
        kind: 'file',
        text: '',
        attachmentId: id,
        clientId: input.clientId,
      });
      if (from.side === 'agent') await markFirstResponse(trx, actor, now, c, from.principal.id);
      return row;
    });
    return { stored, repeated: false };
  } catch (err) {
    if (isUniqueViolation(err)) {
      const row = await byClientId(db, c.id, input.clientId);
      if (row) return { stored: row, repeated: true };
    }
    throw err;
  }
}
