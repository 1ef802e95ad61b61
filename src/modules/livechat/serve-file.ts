import type { FastifyReply } from 'fastify';
import type { Db } from '../../platform/db/connect.js';
import { notFound } from '../../platform/errors.js';

const FILE = { zh: '文件', en: 'file' };

/**
 * Sends a stored file to someone allowed to see its conversation (404 otherwise), with its sniffed
 * type, no sniffing by the browser, and as an attachment unless it is a picture.
 */
export async function serveFile(
  db: Db,
  reply: FastifyReply,
  id: string,
  allowed: (conversationId: string) => boolean | Promise<boolean>,
): Promise<FastifyReply> {
  const f = await db.selectFrom('chat_attachments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!f || !(await allowed(f.conversation_id))) throw notFound(FILE);
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
