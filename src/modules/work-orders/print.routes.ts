import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/app-context.js';
import { actorOf, requireUser } from '../../platform/http/context.js';
import { authorize } from '../../platform/policy/authorize.js';
import { ZFile } from '../../contracts/common.js';
import { workOrdersPolicy } from './work-orders.policy.js';
import { ZOrderId } from './work-orders.schemas.js';
import { printWindowRecord } from './use-cases/print-window-record.js';

/** The printable forms of work orders: annex 6, the offline 办不成事 window record. */
export function workOrderPrintRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/work-orders/:id/window-record.pdf',
    {
      schema: {
        tags: ['work-orders'],
        summary: '打印“办不成事”反映窗口处理记录单 PDF (annex 6)',
        params: ZOrderId,
        response: { 200: ZFile },
      },
    },
    async (req, reply) => {
      const p = requireUser(req);
      authorize(p, workOrdersPolicy.read);
      const { number, pdf } = await printWindowRecord(ctx.db, p, actorOf(req), req.now, req.params.id);
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${number}.pdf"`).send(pdf);
    },
  );
}
