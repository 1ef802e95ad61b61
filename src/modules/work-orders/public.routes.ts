import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/app-context.js';
import { actorOf } from '../../platform/http/context.js';
import { ZReportStatus, ZWorkOrderReceipt } from '../../contracts/work-orders.js';
import { ZLookup, ZOnlineReport } from './work-orders.schemas.js';
import { fileOnlineReport } from './use-cases/file-report.js';
import { lookupReport } from './use-cases/read-order.js';

/**
 * The citizen's 办不成事 routes on the portal: file a report, look it up by receipt number + phone.
 * Public and rate-limited per client; writes carry the portal's CSRF token like every form (the
 * cookie is issued to visitors too), so another site cannot file reports in a visitor's name.
 */
export function publicWorkOrderRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['work-orders'];
  const pub = (max: number) => ({ public: true, rateLimit: { max, timeWindow: '1 minute' } });

  r.post(
    '/api/public/blocked-service-reports',
    {
      schema: {
        tags,
        summary: '我要反映“办不成事” File a blocked-service report',
        body: ZOnlineReport,
        response: { 201: ZWorkOrderReceipt },
      },
      config: pub(5),
    },
    async (req, reply) => {
      const actor = { ...actorOf(req), label: '市民（办不成事）citizen' };
      return reply.status(201).send(await fileOnlineReport(ctx, actor, req.now, req.body));
    },
  );

  r.post(
    '/api/public/blocked-service-reports/lookup',
    {
      schema: { tags, summary: '查询办理结果 Look up a report', body: ZLookup, response: { 200: ZReportStatus } },
      config: pub(10),
    },
    async (req) => lookupReport(ctx.db, req.body.number, req.body.phone),
  );
}
