import type { FastifyInstance } from 'fastify';
import { ZErrorResponse } from '../../contracts/common.js';

/** The statuses every /api route may answer with an error (the mapping is in ../errors.ts). */
export const API_ERROR_STATUSES = [400, 401, 403, 404, 409, 429, 500] as const;

/**
 * Declares the error answer on every /api route once, here, so no route file lists it: the
 * OpenAPI document shows each operation's failures and the serializer checks their shape.
 * Must be installed before the routes are registered.
 */
export function installErrorContract(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.schema?.hide) return;
    const schema = (route.schema ??= {});
    const response = (schema.response ??= {}) as Record<string, unknown>;
    for (const status of API_ERROR_STATUSES) response[status] ??= ZErrorResponse;
  });
}
