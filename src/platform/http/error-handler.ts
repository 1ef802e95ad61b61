import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, defaultMessage, type ErrorCode } from '../errors.js';
import { langOf } from './context.js';

interface FieldIssue {
  field: string;
  message: string;
}

/** Maps every failure to `{ error: { code, message, messages, details, requestId } }`; never a stack trace. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const appErr = toAppError(err);
    if (appErr.status >= 500) req.log.error({ err }, 'request failed');
    else req.log.info({ code: appErr.code }, 'request rejected');
    return sendError(req, reply, appErr);
  });
  app.setNotFoundHandler((req, reply) => sendError(req, reply, new AppError('NOT_FOUND')));
}

export function sendError(req: FastifyRequest, reply: FastifyReply, err: AppError) {
  const lang = langOf(req);
  if (err.code === 'RATE_LIMITED' || err.code === 'ACCOUNT_LOCKED') {
    const retry = (err.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
    if (retry) reply.header('retry-after', String(retry));
  }
  return reply.status(err.status).send({
    error: {
      code: err.code,
      message: err.messages[lang],
      messages: err.messages,
      details: err.details ?? null,
      requestId: req.id,
    },
  });
}

function toAppError(err: FastifyError): AppError {
  if (err instanceof AppError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const issues: FieldIssue[] = err.validation.map((v) => ({
      field: [err.validationContext, v.instancePath.replace(/^\//, '').replace(/\//g, '.')].filter(Boolean).join('.'),
      message: v.message ?? 'invalid',
    }));
    const fields = issues.map((i) => i.field).join('、');
    return new AppError(
      'VALIDATION_FAILED',
      {
        zh: `填写的内容有误（${fields}），请修改后重试。`,
        en: `Invalid fields (${issues.map((i) => i.field).join(', ')}); please correct them and retry.`,
      },
      { issues },
    );
  }
  if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (err instanceof SyntaxError && err.statusCode === 400))
    return new AppError('BAD_JSON');
  if (err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY')
    return new AppError('BAD_JSON', { zh: '请求内容为空。', en: 'The request body is empty.' });
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new AppError('PAYLOAD_TOO_LARGE');
  if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return new AppError('VALIDATION_FAILED', { zh: '不支持的内容类型。', en: 'Unsupported content type.' });
  if (err.statusCode === 429) return new AppError('RATE_LIMITED');
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    const code: ErrorCode =
      err.statusCode === 404
        ? 'NOT_FOUND'
        : err.statusCode === 403
          ? 'FORBIDDEN'
          : err.statusCode === 401
            ? 'UNAUTHENTICATED'
            : 'VALIDATION_FAILED';
    return new AppError(code, defaultMessage(code));
  }
  return new AppError('INTERNAL');
}
