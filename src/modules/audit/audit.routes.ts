import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import type { DbOrTrx } from '../../platform/db/connect.js';
import { requireUser } from '../../platform/http/context.js';
import { authorize } from '../../platform/policy/authorize.js';
import { eventLabel, eventTypes } from '../../platform/events/record-event.js';
import { auditPolicy } from './audit.policy.js';
import { ZAuditPage, ZEventTypes } from '../../contracts/audit.js';
import { ZFile } from '../../contracts/common.js';

const ZAuditQuery = z.object({
  actorId: z.string().max(64).optional(),
  type: z.string().max(60).optional(),
  subjectType: z.string().max(40).optional(),
  subjectId: z.string().max(64).optional(),
  departmentId: z.string().max(64).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  q: z.string().max(60).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
type TAuditQuery = z.infer<typeof ZAuditQuery>;

function filtered(db: DbOrTrx, f: TAuditQuery) {
  let q = db.selectFrom('events');
  if (f.actorId) q = q.where('actor_id', '=', f.actorId);
  if (f.type) q = f.type.endsWith('.') ? q.where('type', 'like', `${f.type}%`) : q.where('type', '=', f.type);
  if (f.subjectType) q = q.where('subject_type', '=', f.subjectType);
  if (f.subjectId) q = q.where('subject_id', '=', f.subjectId);
  if (f.departmentId) q = q.where('department_id', '=', f.departmentId);
  if (f.from) q = q.where('created_at', '>=', new Date(f.from).toISOString());
  if (f.to) q = q.where('created_at', '<=', new Date(f.to).toISOString());
  if (f.q) {
    const like = `%${f.q.replace(/[%_]/g, '')}%`;
    q = q.where((eb) =>
      eb.or([
        eb('actor_label', 'like', like),
        eb('data', 'like', like),
        eb('subject_id', 'like', like),
        eb('subject_label', 'like', like),
      ]),
    );
  }
  return q;
}

function present(e: {
  id: number | bigint;
  type: string;
  actor_id: string | null;
  actor_label: string | null;
  subject_type: string | null;
  subject_id: string | null;
  subject_label: string | null;
  department_id: string | null;
  data: string;
  ip: string | null;
  request_id: string | null;
  created_at: string;
}) {
  return {
    id: Number(e.id),
    type: e.type,
    /** from the event catalogue; null for a type no longer catalogued */
    typeLabel: eventLabel(e.type),
    actorId: e.actor_id,
    actor: e.actor_label,
    subjectType: e.subject_type,
    subjectId: e.subject_id,
    subjectLabel: e.subject_label,
    departmentId: e.department_id,
    data: JSON.parse(e.data),
    ip: e.ip,
    requestId: e.request_id,
    at: e.created_at,
  };
}

const csvCell = (v: unknown) =>
  `"${String(v ?? '')
    .replace(/"/g, '""')
    .replace(/^([=+\-@])/, "'$1")}"`;

/** The audit trail: who did what, when, from where — filterable and exportable. */
export function auditRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: '审计日志 Audit trail',
        response: { 200: ZAuditPage },
        querystring: ZAuditQuery,
      },
    },
    async (req) => {
      authorize(requireUser(req), auditPolicy.read);
      const f = req.query;
      const total = await filtered(ctx.db, f)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const rows = await filtered(ctx.db, f)
        .selectAll()
        .orderBy('id', 'desc')
        .limit(f.pageSize)
        .offset((f.page - 1) * f.pageSize)
        .execute();
      return { total: Number(total.n), items: rows.map(present) };
    },
  );

  r.get(
    '/api/audit/event-types',
    { schema: { tags: ['audit'], summary: '操作类型 Event types with labels', response: { 200: ZEventTypes } } },
    async (req) => {
      authorize(requireUser(req), auditPolicy.read);
      return { items: eventTypes() };
    },
  );

  r.get(
    '/api/audit/export.csv',
    {
      schema: {
        tags: ['audit'],
        summary: '导出审计日志 Export CSV',
        response: { 200: ZFile },
        querystring: ZAuditQuery,
      },
    },
    async (req, reply) => {
      authorize(requireUser(req), auditPolicy.read);
      const rows = await filtered(ctx.db, req.query).selectAll().orderBy('id', 'desc').limit(50000).execute();
      const lines = [
        [
          '时间 at',
          '操作 type',
          '操作 action',
          '操作人 actor',
          '对象类型 subject',
          '对象 id',
          '对象 name',
          'IP',
          '请求 id',
          '详情 data',
        ]
          .map(csvCell)
          .join(','),
      ];
      for (const e of rows)
        lines.push(
          [
            e.created_at,
            e.type,
            eventLabel(e.type)?.zh ?? '',
            e.actor_label,
            e.subject_type,
            e.subject_id,
            e.subject_label,
            e.ip,
            e.request_id,
            e.data,
          ]
            .map(csvCell)
            .join(','),
        );
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="audit.csv"');
      return `\uFEFF${lines.join('\r\n')}\r\n`;
    },
  );
}
