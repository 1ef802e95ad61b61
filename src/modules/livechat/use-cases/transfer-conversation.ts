import { addWorkingDays } from '../../../platform/calendar/index.js';
import type { Trx } from '../../../platform/db/connect.js';
import { AppError } from '../../../platform/errors.js';
import type { Actor } from '../../../platform/events/record-event.js';
import { newId } from '../../../platform/ids.js';
import { authorize } from '../../../platform/policy/authorize.js';
import type { Principal } from '../../../platform/policy/principal.js';
import { transition } from '../../../platform/state-machine/state-machine.js';
import type { TTransferChat } from '../../../contracts/livechat.js';
import { appendMessage } from '../append-message.js';
import type { ChatDeps } from '../chat-deps.js';
import { accessOf, departmentName, openLoad, requireConversation, type ConversationRow } from '../livechat.repo.js';
import { livechatPolicy } from '../livechat.policy.js';
import { staffOnDuty } from '../on-duty.js';
import { CHAT_MACHINE } from '../transitions.js';
import { notPart } from './send-message.js';
import { conversationSubject } from '../livechat.events.js';

/** A department's question with no business agent on duty is answered within this many working days. */
export const DEPARTMENT_WORKING_DAYS = 1;

/**
 * Transfers a conversation to a business agent of the owner department (the one on duty with the
 * fewest open chats), with a note and the whole history; the citizen is told the department. With
 * no business agent on duty it waits for the department (awaiting_department) with a stored due
 * time of one working day, listed for the department's business agents.
 */
export async function transferConversation(
  deps: ChatDeps,
  p: Principal,
  actor: Actor,
  now: Date,
  id: string,
  input: TTransferChat,
): Promise<ConversationRow> {
  const c = await requireConversation(deps.db, id);
  const access = await accessOf(deps.db, c);
  if (!livechatPolicy.read(p, access)) throw notPart();
  authorize(p, livechatPolicy.act, access);
  const dept = await departmentName(deps.db, input.departmentId);
  if (!dept)
    throw new AppError(
      'VALIDATION_FAILED',
      { zh: '所选部门不存在。', en: 'The department does not exist.' },
      { field: 'departmentId' },
    );
  if (input.departmentId === c.department_id && c.status === 'transferred')
    throw new AppError('CONFLICT', { zh: '会话已在该部门。', en: 'The conversation is already with this department.' });
  const agents = (await staffOnDuty(deps.db, 'business_agent', input.departmentId)).filter((a) => a.userId !== p.id);
  const load = await openLoad(
    deps.db,
    agents.map((a) => a.userId),
  );
  const to = agents.sort((a, b) => (load.get(a.userId) ?? 0) - (load.get(b.userId) ?? 0))[0] ?? null;
  const cal = await deps.workingTime.getCalendar();
  const dueAt = addWorkingDays(
    cal,
    now,
    DEPARTMENT_WORKING_DAYS,
    await deps.workingTime.closeOfBusiness(),
  ).toISOString();
  const at = now.toISOString();
  return deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('chat_transfers')
      .values({
        id: newId(),
        conversation_id: c.id,
        from_user_id: p.id,
        department_id: input.departmentId,
        to_user_id: to?.userId ?? null,
        note: input.note,
        created_at: at,
      })
      .execute();
    if (to) {
      await transition(trx, CHAT_MACHINE, {
        id: c.id,
        action: 'transfer',
        actor,
        now,
        row: c,
        set: () => ({
          agent_id: to.userId,
          department_id: input.departmentId,
          department_due_at: null,
          updated_at: at,
        }),
        event: () => ({
          type: 'livechat.transferred',
          ...conversationSubject(c),
          departmentId: input.departmentId,
          data: {
            conversationId: c.id,
            number: c.number,
            from: c.status,
            to: 'transferred',
            agentId: to.userId,
            departmentId: input.departmentId,
          },
        }),
      });
      await holder(trx, c.id, to.userId, at);
    } else {
      await transition(trx, CHAT_MACHINE, {
        id: c.id,
        action: 'await_department',
        actor,
        now,
        row: c,
        set: () => ({
          agent_id: null,
          department_id: input.departmentId,
          department_due_at: dueAt,
          department_overdue_at: null,
          updated_at: at,
        }),
        event: () => ({
          type: 'livechat.awaiting_department',
          ...conversationSubject(c),
          departmentId: input.departmentId,
          data: {
            conversationId: c.id,
            number: c.number,
            from: c.status,
            to: 'awaiting_department',
            agentId: null,
            departmentId: input.departmentId,
            dueAt,
          },
        }),
      });
    }
    await appendMessage(trx, actor, now, {
      conversationId: c.id,
      author: 'system',
      authorId: null,
      kind: 'text',
      text: to
        ? `您的问题已转给${dept.zh}的业务客服，请稍候。`
        : `您的问题已转给${dept.zh}，将在 ${DEPARTMENT_WORKING_DAYS} 个工作日内答复，您可留在此页或稍后用会话编号 ${c.number} 查询。`,
    });
    return await requireConversation(trx, c.id);
  });
}

/** A business agent of the department takes a conversation that waited for the department. */
export async function takeConversation(
  deps: ChatDeps,
  p: Principal,
  actor: Actor,
  now: Date,
  id: string,
): Promise<void> {
  const c = await requireConversation(deps.db, id);
  const access = await accessOf(deps.db, c);
  if (!livechatPolicy.read(p, access)) throw notPart();
  authorize(p, livechatPolicy.take, access);
  const at = now.toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await transition(trx, CHAT_MACHINE, {
      id: c.id,
      action: 'take',
      actor,
      now,
      row: c,
      set: () => ({ agent_id: p.id, updated_at: at }),
      event: () => ({
        type: 'livechat.taken',
        ...conversationSubject(c),
        departmentId: c.department_id,
        data: {
          conversationId: c.id,
          number: c.number,
          from: c.status,
          to: 'transferred',
          agentId: p.id,
          departmentId: c.department_id!,
        },
      }),
    });
    await holder(trx, c.id, p.id, at);
    await appendMessage(trx, actor, now, {
      conversationId: c.id,
      author: 'system',
      authorId: null,
      kind: 'text',
      text: `业务客服 ${p.displayName} 为您服务。`,
    });
  });
}

async function holder(trx: Trx, conversationId: string, userId: string, at: string): Promise<void> {
  await trx
    .insertInto('chat_holders')
    .values({ conversation_id: conversationId, user_id: userId, since: at })
    .onConflict((oc) => oc.columns(['conversation_id', 'user_id']).doNothing())
    .execute();
}
