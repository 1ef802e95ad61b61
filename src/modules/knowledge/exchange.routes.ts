import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/app-context.js';
import { AppError } from '../../platform/errors.js';
import { actorOf, requireUser } from '../../platform/http/context.js';
import { authorize } from '../../platform/policy/authorize.js';
import { knowledgePolicy } from './knowledge.policy.js';
import { ZExport, ZImport } from './knowledge.schemas.js';
import { exportEntries, importTemplate } from './use-cases/export-entries.js';
import { importEntries } from './use-cases/import-entries.js';
import { ZFile } from '../../contracts/common.js';
import { ZImportSummary } from '../../contracts/knowledge.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Import files arrive base64-encoded in JSON (no multipart), so this route accepts large bodies. */
export const IMPORT_BODY_LIMIT = 30 * 1024 * 1024;

/** Import / export of the KB (JSON lines and the XLSX template) for sharing with the water hotline KB. */
export function exchangeRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['knowledge'];
  r.get(
    '/api/kb/import/template',
    { schema: { tags, summary: '导入模板 XLSX template', response: { 200: ZFile } } },
    async (req, reply) => {
      authorize(requireUser(req), knowledgePolicy.import);
      return reply
        .type(XLSX)
        .header('content-disposition', "attachment; filename*=UTF-8''kb-template.xlsx")
        .send(await importTemplate());
    },
  );
  r.post(
    '/api/kb/import',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: { tags, summary: '导入知识库 Import', response: { 200: ZImportSummary }, body: ZImport },
    },
    async (req) => {
      const p = requireUser(req);
      authorize(p, knowledgePolicy.import);
      if (req.body.mode === 'publish' && !knowledgePolicy.review(p)) {
        throw new AppError('FORBIDDEN', {
          zh: '只有知识库审核人员可以导入并直接发布。',
          en: 'Only KB reviewers may import and publish directly.',
        });
      }
      return importEntries(ctx.db, actorOf(req), p, req.now, req.body);
    },
  );
  r.get(
    '/api/kb/export',
    { schema: { tags, summary: '导出知识库 Export', response: { 200: ZFile }, querystring: ZExport } },
    async (req, reply) => {
      const p = requireUser(req);
      authorize(p, knowledgePolicy.export);
      const { format, ...filters } = req.query;
      const { body, count } = await exportEntries(ctx.db, p, filters, format);
      const stamp = req.now.toISOString().slice(0, 10);
      reply
        .header('x-entry-count', String(count))
        .header('content-disposition', `attachment; filename*=UTF-8''kb-${stamp}.${format}`);
      return reply.type(format === 'xlsx' ? XLSX : 'application/x-ndjson; charset=utf-8').send(body);
    },
  );
}
