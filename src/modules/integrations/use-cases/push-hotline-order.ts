import type { Actor } from '../../../platform/events/record-event.js';
import { AppError } from '../../../platform/errors.js';
import type { THotlinePushReceipt } from '../../../contracts/integrations.js';
import { receiveOrder, type ReceiveDeps } from '../../work-orders/use-cases/receive-order.js';
import type { AuthenticatedClient } from '../client-auth.js';
import type { THotlinePush } from '../hotline.schemas.js';

/** How far ahead of our clock a push's received time may be (clocks differ a little, not by hours). */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/**
 * A 12345 order pushed by the city platform becomes a work order through the one intake
 * (`receiveOrder`, source `hotline_12345`, idempotent on the 12345 number: a retry or a racing
 * copy answers with the order the first one made). The client system is the actor, and the order
 * remembers which client sent it, so its results go back to that client.
 */
export async function pushHotlineOrder(
  deps: ReceiveDeps,
  client: AuthenticatedClient,
  actor: Actor,
  now: Date,
  input: THotlinePush,
): Promise<THotlinePushReceipt> {
  const receivedAt = new Date(input.receivedAt);
  if (receivedAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS)
    throw new AppError(
      'VALIDATION_FAILED',
      {
        zh: '填写的内容有误（body.receivedAt）：受理时间晚于当前时间。',
        en: 'Invalid fields (body.receivedAt): the received time is in the future.',
      },
      { issues: [{ field: 'body.receivedAt', message: 'in the future' }] },
    );
  const matterId = input.matter?.code
    ? ((
        await deps.db
          .selectFrom('matters')
          .select('id')
          .where('code', '=', input.matter.code)
          .where('active', '=', 1)
          .executeTakeFirst()
      )?.id ?? null)
    : null;
  const receipt = await receiveOrder(deps, actor, now, {
    source: 'hotline_12345',
    externalNo: input.orderNo,
    type: input.type,
    title: input.title,
    content: input.content,
    matterId,
    citizenName: input.citizenName ?? null,
    citizenPhone: input.citizenPhone ?? null,
    receivedAt,
    details: {
      hotline: {
        orderNo: input.orderNo,
        matter: input.matter ?? null,
        deadline: input.deadline ?? null,
        departmentHint: input.departmentHint ?? null,
      },
      apiClientId: client.id,
      apiClientName: client.name,
    },
  });
  return { ...receipt, orderNo: input.orderNo };
}
