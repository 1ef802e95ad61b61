import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/app-context.js';
import { notFound } from '../../platform/errors.js';
import { actorOf, requireUser } from '../../platform/http/context.js';
import { authorize } from '../../platform/policy/authorize.js';
import type { Principal } from '../../platform/policy/principal.js';
import { knowledgePolicy } from './knowledge.policy.js';
import { ZId, ZListPolicies, ZPolicyDocument, ZUpdatePolicyDocument } from './knowledge.schemas.js';
import { policiesWithStatus } from './policy-status.js';
import { createPolicyDocument, updatePolicyDocument } from './use-cases/save-policy-document.js';
import { ZPolicyAttention, ZPolicyDoc, ZPolicyDocList } from '../../contracts/knowledge.js';

type WithStatus = Awaited<ReturnType<typeof policiesWithStatus>>[number];

function presentPolicy(x: WithStatus) {
  const d = x.doc;
  return {
    id: d.id,
    title: d.title,
    docNumber: d.doc_number,
    draftingDepartmentId: d.drafting_department_id,
    draftingDepartmentName: d.department_name,
    effectiveDate: d.effective_date,
    publishBy: d.publish_by,
    remindedAt: d.reminded_at,
    createdAt: d.created_at,
    updatedAt: d.updated_at,
    status: x.status,
    allPublished: x.allPublished,
    lastPublishedOn: x.lastPublishedOn,
    workingDaysLeft: x.workingDaysLeft,
    entries: x.linked.map((e) => ({ id: e.entryId, published: e.live, firstPublishedAt: e.firstPublishedAt })),
  };
}

/** The register of policy documents whose Q&As must be live 15 working days before they take effect (art. 15). */
export function policyDocumentRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['knowledge'];
  const one = async (p: Principal, id: string, now: Date) => {
    const [x] = await policiesWithStatus(ctx.db, now, await ctx.workingTime.getCalendar(), { id });
    if (!x || !knowledgePolicy.readPolicy(p, x.doc)) throw notFound({ zh: '政策文件', en: 'policy document' });
    return presentPolicy(x);
  };
  /** the documents this user may see (an editor: their department's), in the register's order */
  const visible = async (p: Principal, now: Date) =>
    (await policiesWithStatus(ctx.db, now, await ctx.workingTime.getCalendar())).filter((x) =>
      knowledgePolicy.readPolicy(p, x.doc),
    );
  r.get(
    '/api/kb/policies',
    {
      schema: {
        tags,
        summary: '政策文件登记 Policy documents',
        response: { 200: ZPolicyDocList },
        querystring: ZListPolicies,
      },
    },
    async (req) => {
      const p = requireUser(req);
      authorize(p, knowledgePolicy.readPolicies);
      const all = await visible(p, req.now);
      return { items: all.filter((x) => !req.query.status || x.status === req.query.status).map(presentPolicy) };
    },
  );
  r.get(
    '/api/kb/policies/attention',
    { schema: { tags, summary: '临近与逾期政策 Upcoming and late', response: { 200: ZPolicyAttention } } },
    async (req) => {
      const p = requireUser(req);
      authorize(p, knowledgePolicy.readPolicies);
      const all = (await visible(p, req.now)).map(presentPolicy);
      return {
        late: all.filter((x) => x.status === 'late'),
        upcoming: all.filter((x) => x.status === 'due_soon' || x.status === 'upcoming'),
      };
    },
  );
  r.get(
    '/api/kb/policies/:id',
    { schema: { tags, summary: '政策文件 Policy document', response: { 200: ZPolicyDoc }, params: ZId } },
    async (req) => {
      const p = requireUser(req);
      authorize(p, knowledgePolicy.readPolicies);
      return one(p, req.params.id, req.now);
    },
  );
  r.post(
    '/api/kb/policies',
    { schema: { tags, summary: '登记政策文件 Register policy', response: { 201: ZPolicyDoc }, body: ZPolicyDocument } },
    async (req, reply) => {
      const p = requireUser(req);
      authorize(p, knowledgePolicy.managePolicies);
      const id = await createPolicyDocument(
        ctx.db,
        actorOf(req),
        p,
        req.now,
        await ctx.workingTime.getCalendar(),
        req.body,
      );
      return reply.status(201).send(await one(p, id, req.now));
    },
  );
  r.patch(
    '/api/kb/policies/:id',
    {
      schema: {
        tags,
        summary: '修改政策文件 Edit policy',
        response: { 200: ZPolicyDoc },
        params: ZId,
        body: ZUpdatePolicyDocument,
      },
    },
    async (req) => {
      const p = requireUser(req);
      authorize(p, knowledgePolicy.managePolicies);
      await updatePolicyDocument(
        ctx.db,
        actorOf(req),
        p,
        req.now,
        await ctx.workingTime.getCalendar(),
        req.params.id,
        req.body,
      );
      return one(p, req.params.id, req.now);
    },
  );
}
