import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import { actorOf, requireUser } from '../../platform/http/context.js';
import { authorize } from '../../platform/policy/authorize.js';
import { ZHotlineImportReport } from '../../contracts/work-order-import.js';
import { HOTLINE_IMPORT_LIMITS } from './import/hotline-sheet.js';
import { workOrdersPolicy } from './work-orders.policy.js';
import { importHotlineOrders, previewHotlineImport } from './use-cases/import-hotline.js';

/** The file arrives base64-encoded in JSON (no multipart), like the KB import: a third larger than the file. */
const BODY_LIMIT = Math.ceil((HOTLINE_IMPORT_LIMITS.maxBytes * 4) / 3) + 64 * 1024;
const ZFileBody = z.object({ content: z.string().min(1).max(BODY_LIMIT) });
const ZImportBody = ZFileBody.extend({ goodRowsOnly: z.boolean().default(false) });

/** The hotline office's import of the 12345 export: a preview that stores nothing, then the import. */
export function workOrderImportRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['work-orders'];
  r.post(
    '/api/work-orders/import/preview',
    {
      bodyLimit: BODY_LIMIT,
      schema: {
        tags,
        summary: '预览12345工单表 Preview a 12345 export',
        body: ZFileBody,
        response: { 200: ZHotlineImportReport },
      },
    },
    async (req) => {
      authorize(requireUser(req), workOrdersPolicy.dispatch);
      return previewHotlineImport(ctx.db, req.now, req.body.content);
    },
  );
  r.post(
    '/api/work-orders/import',
    {
      bodyLimit: BODY_LIMIT,
      schema: {
        tags,
        summary: '导入12345工单表 Import a 12345 export',
        body: ZImportBody,
        response: { 200: ZHotlineImportReport },
      },
    },
    async (req) => {
      authorize(requireUser(req), workOrdersPolicy.dispatch);
      return importHotlineOrders(ctx, actorOf(req), req.now, req.body);
    },
  );
}
