import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import { notFound } from '../../platform/errors.js';
import { actorOf, requireUser } from '../../platform/http/context.js';
import { authorize } from '../../platform/policy/authorize.js';
import { orgPolicy } from './org.policy.js';
import { presentDepartment } from './org.presenters.js';
import { findDepartment, listDepartments } from './org.repo.js';
import { ZCreateDepartment, ZId, ZUpdateDepartment } from './org.schemas.js';
import { createDepartment, updateDepartment } from './use-cases/manage-departments.js';
import { ZDepartment, ZDepartmentList } from '../../contracts/org.js';

/** Departments are public (the portal names owner departments); changing them is for administrators. */
export function departmentRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['departments'];

  r.get(
    '/api/departments',
    {
      schema: {
        tags,
        summary: '部门列表 Departments',
        response: { 200: ZDepartmentList },
        querystring: z.object({ includeInactive: z.enum(['true', 'false']).optional() }),
      },
      config: { public: true },
    },
    async (req) => {
      const all = req.query.includeInactive === 'true' && !!req.principal && orgPolicy.manageDepartments(req.principal);
      return { items: (await listDepartments(ctx.db, all)).map(presentDepartment) };
    },
  );

  r.post(
    '/api/departments',
    {
      schema: { tags, summary: '新建部门 Create department', response: { 201: ZDepartment }, body: ZCreateDepartment },
    },
    async (req, reply) => {
      authorize(requireUser(req), orgPolicy.manageDepartments);
      const id = await createDepartment(ctx.db, actorOf(req), req.now, req.body);
      return reply.status(201).send(presentDepartment((await findDepartment(ctx.db, id))!));
    },
  );

  r.patch(
    '/api/departments/:id',
    {
      schema: {
        tags,
        summary: '修改部门 Update department',
        response: { 200: ZDepartment },
        params: ZId,
        body: ZUpdateDepartment,
      },
    },
    async (req) => {
      authorize(requireUser(req), orgPolicy.manageDepartments);
      await updateDepartment(ctx.db, actorOf(req), req.now, req.params.id, req.body);
      const d = await findDepartment(ctx.db, req.params.id);
      if (!d) throw notFound();
      return presentDepartment(d);
    },
  );
}
