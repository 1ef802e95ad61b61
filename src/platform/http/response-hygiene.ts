import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { sendError } from './error-handler.js';

/**
 * Headers for answers given before any hook ran (a URL Fastify cannot even decode): a JSON error
 * needs no scripts, frames or caching, so they are stricter than the app's.
 */
const BARE_ERROR_HEADERS = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

/**
 * Fastify's `frameworkErrors` option: errors raised before routing (an invalid percent-encoded URL)
 * get our bilingual error body with a request id and the security headers, and never echo the URL.
 */
export function frameworkErrors(err: Error & { code?: string }, req: FastifyRequest, reply: FastifyReply) {
  reply.headers({ ...BARE_ERROR_HEADERS, 'x-request-id': req.id });
  const appErr =
    err.code === 'FST_ERR_BAD_URL'
      ? new AppError('VALIDATION_FAILED', {
          zh: '网址无效，请检查后重试。',
          en: 'The address is not valid; please check it and retry.',
        })
      : new AppError('VALIDATION_FAILED');
  req.log.info({ code: err.code }, 'request rejected before routing');
  return sendError(req, reply, appErr);
}

/**
 * API answers are never stored by a browser or proxy cache: signed-in lists carry citizens' names,
 * numbers and questions, and bot answers belong to one conversation.
 */
export function installNoStore(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
}
