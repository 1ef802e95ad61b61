import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import { shanghaiDate } from '../../platform/calendar/index.js';
import { actorOf, requireUser } from '../../platform/http/context.js';
import { authorize } from '../../platform/policy/authorize.js';
import { ZFile, ZOk } from '../../contracts/common.js';
import { ZPhoneCall, ZPhoneCallList, ZPhoneForm, ZPhoneFormList } from '../../contracts/phone.js';
import { phonePolicy } from './phone.policy.js';
import { presentCalls, presentForm, presentFormItems } from './phone.presenters.js';
import { readableForm, requireCall, userName } from './phone.repo.js';
import {
  ZAnswerCall,
  ZCloseForm,
  ZListCalls,
  ZListForms,
  ZLogCall,
  ZPhoneId,
  ZReplyForm,
  ZRetransferForm,
  ZReturnForm,
  ZTransferCall,
} from './phone.schemas.js';
import { answerCall, logCall } from './use-cases/log-call.js';
import { retransferForm, transferCall } from './use-cases/transfer-form.js';
import { closeForm, replyForm, returnForm } from './use-cases/work-form.js';
import { phoneFormPdf } from './form-pdf.js';

const ZTransferred = z.object({ id: z.string(), number: z.string(), dueAt: z.string() });
const ZClosed = z.object({ ok: z.boolean(), proposalId: z.string().nullable() });

/** 电话咨询 (SPEC §3.3): the call log, transfer forms through their state machine, the printable annex 3. */
export function phoneRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['phone'];
  const deps = { db: ctx.db, workingTime: ctx.workingTime };
  const call = async (id: string) => (await presentCalls(ctx.db, [await requireCall(ctx.db, id)]))[0];

  r.get(
    '/api/phone/calls',
    { schema: { tags, summary: '来电记录 Call log', querystring: ZListCalls, response: { 200: ZPhoneCallList } } },
    async (req) => {
      authorize(requireUser(req), phonePolicy.readCalls);
      const rows = await ctx.db
        .selectFrom('phone_calls')
        .selectAll()
        .where('created_on', '=', req.query.date ?? shanghaiDate(req.now))
        .orderBy('created_at', 'desc')
        .limit(500)
        .execute();
      return { items: await presentCalls(ctx.db, rows) };
    },
  );

  r.post(
    '/api/phone/calls',
    { schema: { tags, summary: '登记来电 Log a call', body: ZLogCall, response: { 201: ZPhoneCall } } },
    async (req, reply) => {
      authorize(requireUser(req), phonePolicy.log);
      const id = await logCall(ctx.db, actorOf(req), req.now, req.body);
      return reply.code(201).send(await call(id));
    },
  );

  r.post(
    '/api/phone/calls/:id/answer',
    {
      schema: {
        tags,
        summary: '当场解答 Answered on the spot',
        params: ZPhoneId,
        body: ZAnswerCall,
        response: { 200: ZPhoneCall },
      },
    },
    async (req) => {
      authorize(requireUser(req), phonePolicy.log);
      await answerCall(ctx.db, actorOf(req), req.now, req.params.id, req.body.answer);
      return call(req.params.id);
    },
  );

  r.post(
    '/api/phone/calls/:id/transfer',
    {
      schema: {
        tags,
        summary: '填制电话转办单 Transfer to the owner department',
        params: ZPhoneId,
        body: ZTransferCall,
        response: { 201: ZTransferred },
      },
    },
    async (req, reply) => {
      authorize(requireUser(req), phonePolicy.log);
      return reply.code(201).send(await transferCall(deps, actorOf(req), req.now, req.params.id, req.body));
    },
  );

  r.get(
    '/api/phone/forms',
    {
      schema: {
        tags,
        summary: '电话转办单 Transfer forms',
        querystring: ZListForms,
        response: { 200: ZPhoneFormList },
      },
    },
    async (req) => {
      const p = requireUser(req);
      authorize(p, phonePolicy.readForms);
      let q = ctx.db.selectFrom('phone_forms').selectAll();
      // a business agent sees the own department's forms only (the same scope as a form by id)
      if (!phonePolicy.readAllForms(p)) q = q.where('department_id', '=', p.departmentId ?? '');
      if (req.query.status) q = q.where('status', '=', req.query.status);
      if (req.query.todo === 'window') q = q.where('status', 'in', ['returned', 'replied']);
      if (req.query.overdue) q = q.where('status', '=', 'transferred').where('due_at', '<', req.now.toISOString());
      const rows = await q.orderBy('due_at').limit(500).execute();
      return { items: await presentFormItems(ctx.db, rows, req.now) };
    },
  );

  r.get(
    '/api/phone/forms/:id',
    { schema: { tags, summary: '转办单详情 A transfer form', params: ZPhoneId, response: { 200: ZPhoneForm } } },
    async (req) => {
      const p = requireUser(req);
      authorize(p, phonePolicy.readForms);
      return presentForm(ctx.db, p, await readableForm(ctx.db, p, req.params.id), req.now);
    },
  );

  r.get(
    '/api/phone/forms/:id/pdf',
    { schema: { tags, summary: '打印转办单 PDF (annex 3)', params: ZPhoneId, response: { 200: ZFile } } },
    async (req, reply) => {
      const p = requireUser(req);
      authorize(p, phonePolicy.readForms);
      const row = await readableForm(ctx.db, p, req.params.id);
      const form = await presentForm(ctx.db, p, row, req.now);
      const contact = await userName(ctx.db, row.created_by);
      const pdf = await phoneFormPdf(form, contact?.phone ?? null);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${form.number}.pdf"`)
        .send(pdf);
    },
  );

  const load = async (req: { params: { id: string } } & Parameters<typeof requireUser>[0]) => {
    const p = requireUser(req);
    authorize(p, phonePolicy.readForms);
    return { p, form: await readableForm(ctx.db, p, req.params.id) };
  };

  r.post(
    '/api/phone/forms/:id/reply',
    { schema: { tags, summary: '部门答复 Reply', params: ZPhoneId, body: ZReplyForm, response: { 200: ZOk } } },
    async (req) => {
      const { p, form } = await load(req);
      await replyForm(ctx.db, p, actorOf(req), req.now, form, req.body);
      return { ok: true };
    },
  );

  r.post(
    '/api/phone/forms/:id/return',
    { schema: { tags, summary: '退回窗口 Return', params: ZPhoneId, body: ZReturnForm, response: { 200: ZOk } } },
    async (req) => {
      const { p, form } = await load(req);
      await returnForm(ctx.db, p, actorOf(req), req.now, form, req.body.reason);
      return { ok: true };
    },
  );

  r.post(
    '/api/phone/forms/:id/retransfer',
    {
      schema: {
        tags,
        summary: '重新转派 Transfer again',
        params: ZPhoneId,
        body: ZRetransferForm,
        response: { 200: ZOk },
      },
    },
    async (req) => {
      const { p, form } = await load(req);
      authorize(p, phonePolicy.log);
      await retransferForm(deps, actorOf(req), req.now, form, req.body.departmentId);
      return { ok: true };
    },
  );

  r.post(
    '/api/phone/forms/:id/close',
    { schema: { tags, summary: '办结 Close', params: ZPhoneId, body: ZCloseForm, response: { 200: ZClosed } } },
    async (req) => {
      const { p, form } = await load(req);
      const { proposalId } = await closeForm(ctx.db, p, actorOf(req), req.now, form, req.body);
      return { ok: true, proposalId };
    },
  );
}
