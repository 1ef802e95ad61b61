import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import { actorOf, requireUser } from '../../platform/http/context.js';
import { authorize } from '../../platform/policy/authorize.js';
import { AppError } from '../../platform/errors.js';
import type { Principal } from '../../platform/policy/principal.js';
import type { Actor } from '../../platform/events/record-event.js';
import { ZOk } from '../../contracts/common.js';
import {
  ZOrderMoved,
  ZWorkOrder,
  ZWorkOrderHistory,
  ZWorkOrderPage,
  ZWorkOrderPerformance,
  ZWorkOrderReceipt,
  ZWorkOrderTypes,
} from '../../contracts/work-orders.js';
import { ZRevealedPhone } from '../../contracts/callbacks.js';
import { workOrdersPolicy } from './work-orders.policy.js';
import {
  ZApproveExtension,
  ZCallBack,
  ZDispatch,
  ZListOrders,
  ZOrderId,
  ZPerformance,
  ZReason,
  ZReceiveOrder,
  ZReply,
  ZRequestExtension,
  ZTypeCode,
  ZUpdateType,
  ZWindowRecord,
} from './work-orders.schemas.js';
import { listOrders, requireReadableOrder } from './work-orders.repo.js';
import { presentItem, presentOrder } from './work-orders.presenters.js';
import { loadOrderTypes } from './order-types.js';
import { receiveOrder } from './use-cases/receive-order.js';
import { recordWindowReport } from './use-cases/file-report.js';
import { orderHistory, revealOrderPhone } from './use-cases/read-order.js';
import {
  approveExtension,
  callBackCitizen,
  closeOrder,
  dispatchOrder,
  refuseExtension,
  reopenOrder,
} from './use-cases/hotline-moves.js';
import { acceptOrder, replyOrder, requestExtension, returnOrder } from './use-cases/department-moves.js';
import { departmentPerformance } from './use-cases/performance.js';
import { updateOrderType } from './use-cases/update-order-type.js';

/** Staff routes of work orders: intake, lists (keyset pages), an order, its history, every move, settings. */
export function workOrderRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['work-orders'];
  const base = '/api/work-orders';
  const present = async (req: { now: Date }, p: Principal, id: string) =>
    presentOrder(p, await requireReadableOrder(ctx.db, p, id), req.now);

  r.get(
    base,
    { schema: { tags, summary: '工单列表 Work orders', querystring: ZListOrders, response: { 200: ZWorkOrderPage } } },
    async (req) => {
      const p = requireUser(req);
      authorize(p, workOrdersPolicy.read);
      const page = await listOrders(ctx.db, p, req.now, req.query);
      return { items: page.items.map((o) => presentItem(o, req.now)), nextCursor: page.nextCursor };
    },
  );

  r.post(
    base,
    {
      schema: {
        tags,
        summary: '受理工单 Receive an order',
        body: ZReceiveOrder,
        response: { 200: ZWorkOrderReceipt, 201: ZWorkOrderReceipt },
      },
    },
    async (req, reply) => {
      authorize(requireUser(req), workOrdersPolicy.dispatch);
      const b = req.body;
      const res = await receiveOrder(ctx, actorOf(req), req.now, {
        ...b,
        receivedAt: b.receivedAt && new Date(b.receivedAt) < req.now ? new Date(b.receivedAt) : undefined,
      });
      return reply.status(res.duplicate ? 200 : 201).send(res);
    },
  );

  r.post(
    `${base}/window-records`,
    {
      schema: {
        tags,
        summary: '“办不成事”窗口处理记录单 Window record (annex 6)',
        body: ZWindowRecord,
        response: { 201: ZWorkOrderReceipt },
      },
    },
    async (req, reply) => {
      const p = requireUser(req);
      authorize(p, workOrdersPolicy.recordWindow);
      return reply.status(201).send(await recordWindowReport(ctx, p, actorOf(req), req.now, req.body));
    },
  );

  r.get(
    `${base}/types`,
    { schema: { tags, summary: '工单类型时限 Time limits', response: { 200: ZWorkOrderTypes } } },
    async (req) => {
      authorize(requireUser(req), workOrdersPolicy.read);
      const types = await loadOrderTypes(ctx.db);
      return {
        items: types.map((t) => ({
          code: t.code,
          name: { zh: t.nameZh, en: t.nameEn },
          workingDays: t.workingDays,
          contactDays: t.contactDays,
        })),
      };
    },
  );

  r.put(
    `${base}/types/:code`,
    {
      schema: {
        tags,
        summary: '修改时限 Change a time limit',
        params: ZTypeCode,
        body: ZUpdateType,
        response: { 200: ZOk },
      },
    },
    async (req) => {
      authorize(requireUser(req), workOrdersPolicy.settings);
      await updateOrderType(ctx.db, actorOf(req), req.now, req.params.code, req.body);
      return { ok: true };
    },
  );

  r.get(
    `${base}/performance`,
    {
      schema: {
        tags,
        summary: '部门工单绩效 Department performance',
        querystring: ZPerformance,
        response: { 200: ZWorkOrderPerformance },
      },
    },
    async (req) => {
      authorize(requireUser(req), workOrdersPolicy.performance);
      return departmentPerformance(ctx.db, req.query.from, req.query.to);
    },
  );

  r.get(
    `${base}/:id`,
    { schema: { tags, summary: '工单 A work order', params: ZOrderId, response: { 200: ZWorkOrder } } },
    async (req) => present(req, requireUser(req), req.params.id),
  );

  r.get(
    `${base}/:id/history`,
    { schema: { tags, summary: '工单流转记录 History', params: ZOrderId, response: { 200: ZWorkOrderHistory } } },
    async (req) => orderHistory(ctx.db, requireUser(req), req.params.id),
  );

  r.post(
    `${base}/:id/phone`,
    {
      schema: {
        tags,
        summary: '查看完整号码（留痕）Reveal the phone',
        params: ZOrderId,
        response: { 200: ZRevealedPhone },
      },
    },
    async (req) => ({
      phone: await revealOrderPhone(ctx.db, requireUser(req), actorOf(req), req.now, req.params.id),
    }),
  );

  // Every move answers the order as it now is (the web app redraws its buttons from `actions`), or,
  // when the mover can no longer read it (a department that returned it), that it left their reach.
  type Cmd<T> = (p: Principal, actor: Actor, now: Date, id: string, body: T) => Promise<unknown>;
  const move = <B extends z.ZodType>(path: string, summary: string, body: B, run: Cmd<z.infer<B>>) =>
    r.post(
      `${base}/:id/${path}`,
      { schema: { tags, summary, params: ZOrderId, body, response: { 200: ZOrderMoved } } },
      async (req) => {
        const p = requireUser(req);
        await run(p, actorOf(req), req.now, req.params.id, req.body as z.infer<B>);
        return present(req, p, req.params.id).catch((err: unknown) => {
          if (err instanceof AppError && err.code === 'NOT_FOUND') return { id: req.params.id, left: true as const };
          throw err;
        });
      },
    );
  const empty = z.object({}).default({});

  move('dispatch', '派单 Dispatch', ZDispatch, (p, a, now, id, b) => dispatchOrder(ctx, p, a, now, id, b));
  move('accept', '签收 Accept', empty, (p, a, now, id) => acceptOrder(ctx, p, a, now, id));
  move('return', '退回 Return', ZReason, (p, a, now, id, b) => returnOrder(ctx, p, a, now, id, b.reason));
  move('extension', '申请延期 Request an extension', ZRequestExtension, (p, a, now, id, b) =>
    requestExtension(ctx, p, a, now, id, b),
  );
  move('extension/approve', '同意延期 Approve the extension', ZApproveExtension, (p, a, now, id, b) =>
    approveExtension(ctx, p, a, now, id, b.days),
  );
  move('extension/refuse', '不同意延期 Refuse the extension', ZReason, (p, a, now, id, b) =>
    refuseExtension(ctx, p, a, now, id, b.reason),
  );
  move('reply', '答复 Reply', ZReply, (p, a, now, id, b) => replyOrder(ctx, p, a, now, id, b));
  move('callback', '回访 Call back', ZCallBack, (p, a, now, id, b) => callBackCitizen(ctx, p, a, now, id, b));
  move('reopen', '重办 Reopen', ZReason, (p, a, now, id, b) => reopenOrder(ctx, p, a, now, id, b.reason));
  move('close', '销单 Close out', empty, (p, a, now, id) => closeOrder(ctx, p, a, now, id));
}
