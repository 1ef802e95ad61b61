import type { FastifyReply } from 'fastify';
import type { Db } from '../../platform/db/connect.js';
import { shanghaiDate } from '../../platform/calendar/index.js';
import { AppError, notFound } from '../../platform/errors.js';

const FILE = { zh: '文件', en: 'file' };

/**
 * Sends a stored file to someone allowed to see its conversation (404 otherwise), with its sniffed
 * type, no sniffing by the browser, and as an attachment unless it is a picture; a file purged after
 * the retention period (use-cases/purge-files.ts) answers 410 saying so.
 */
export async function serveFile(
  db: Db,
  reply: FastifyReply,
  id: string,
  allowed: (conversationId: string) => boolean | Promise<boolean>,
): Promise<FastifyReply> {
  const f = await db.selectFrom('chat_attachments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!f || !(await allowed(f.conversation_id))) throw notFound(FILE);
  if (f.purged_at) {
    const on = shanghaiDate(new Date(f.purged_at));
    throw new AppError(
      'GONE',
      {
        zh: `文件“${f.name}”已超过保存期限，于 ${on} 删除；会话记录中保留了文件名。`,
        en: `The file "${f.name}" was deleted on ${on} after the retention period; the transcript keeps its name.`,
      },
      { purgedAt: f.purged_at },
    );
  }
  const inline = f.mime.startsWith('image/');
  return reply
    .type(f.mime)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, max-age=3600')
    .header(
      'content-disposition',
      `${inline ? 'inline' : 'attachment'}; filename="file"; filename*=UTF-8''${encodeURIComponent(f.name)}`,
    )
    .send(Buffer.from(f.data));
}
