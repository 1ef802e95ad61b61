import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import { actorOf, requireUser } from '../../platform/http/context.js';
import { authorize } from '../../platform/policy/authorize.js';
import { maskPhone } from '../../platform/privacy/mask.js';
import { callbacksPolicy } from './callbacks.policy.js';
import { ZListCallbacks, ZWorkCallback } from './callbacks.schemas.js';
import { CALLBACK_MACHINE, type CallbackStatus } from './transitions.js';
import { ZCallbackList, ZRevealedPhone } from '../../contracts/callbacks.js';
import { ZOk } from '../../contracts/common.js';
import { revealCallbackPhone, workCallback } from './use-cases/work-callback.js';

const ZId = z.object({ id: z.string().min(1).max(64) });

/** Callback cases (留言回电) of every channel: list with masked numbers, reveal (audited), work. */
export function callbackRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['callbacks'];

  r.get(
    '/api/callbacks',
    {
      schema: {
        tags,
        summary: '留言回电 Callback cases',
        response: { 200: ZCallbackList },
        querystring: ZListCallbacks,
      },
    },
    async (req) => {
      authorize(requireUser(req), callbacksPolicy.read);
      let q = ctx.db.selectFrom('callback_requests').selectAll();
      if (req.query.status) q = q.where('status', '=', req.query.status);
      const rows = await q.orderBy('due_at').limit(500).execute();
      return {
        items: rows.map((c) => ({
          id: c.id,
          number: c.number,
          channel: c.source,
          name: c.name,
          phone: maskPhone(c.phone),
          question: c.question,
          status: c.status as CallbackStatus,
          statusLabel: CALLBACK_MACHINE.statuses[c.status as CallbackStatus],
          dueAt: c.due_at,
          createdAt: c.created_at,
          result: c.result,
          handledAt: c.handled_at,
          overdue: c.status === 'open' && c.due_at < req.now.toISOString(),
        })),
      };
    },
  );

  r.post(
    '/api/callbacks/:id/phone',
    {
      schema: {
        tags,
        summary: '查看完整号码（留痕）Reveal the phone number (audited)',
        response: { 200: ZRevealedPhone },
        params: ZId,
      },
    },
    async (req) => {
      authorize(requireUser(req), callbacksPolicy.handle);
      return { phone: await revealCallbackPhone(ctx.db, actorOf(req), req.now, req.params.id) };
    },
  );

  r.post(
    '/api/callbacks/:id/progress',
    {
      schema: {
        tags,
        summary: '登记回电 / 办结 Log the call back or close',
        response: { 200: ZOk },
        params: ZId,
        body: ZWorkCallback,
      },
    },
    async (req) => {
      authorize(requireUser(req), callbacksPolicy.handle);
      await workCallback(ctx.db, actorOf(req), req.now, req.params.id, req.body.status, req.body.result);
      return { ok: true };
    },
  );
}
