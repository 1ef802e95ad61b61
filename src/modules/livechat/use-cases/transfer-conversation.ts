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
import { accessOf, departmentName, requireConversation, type ConversationRow } from '../livechat.repo.js';
import { livechatPolicy } from '../livechat.policy.js';
import { CHAT_MACHINE } from '../transitions.js';
import { notPart } from './send-message.js';
import { conversationSubject } from '../livechat.events.js';
import {
  businessAgentDue,
  departmentDue,
  DEPARTMENT_WORKING_DAYS,
  giveToBusinessAgent,
  leaveWithDepartment,
  pickBusinessAgent,
} from './business-handoff.js';

/**
 * Transfers a conversation to a business agent of the owner department (the one on duty with the
 * fewest open chats), with a note and the whole history; the citizen is told the department; the
 * business agent's one-minute response clock starts (swept like the window agent's). With
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
  const to = await pickBusinessAgent(deps.db, input.departmentId, [p.id]);
  const dueAt = to ? await businessAgentDue(deps, now) : await departmentDue(deps, now);
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
    if (to) await giveToBusinessAgent(trx, actor, now, c, input.departmentId, to.userId, dueAt);
    else await leaveWithDepartment(trx, actor, now, c, input.departmentId, dueAt);
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
