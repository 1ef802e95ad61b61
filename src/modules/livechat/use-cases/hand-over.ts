import type { DutyReason } from '../../../contracts/enums/duty.js';
import type { Actor } from '../../../platform/events/record-event.js';
import { unlessRaced } from '../race.js';
import { appendMessage } from '../append-message.js';
import type { ChatDeps } from '../chat-deps.js';
import { closeWith } from './close-conversation.js';
import { requeueConversation } from './requeue-conversation.js';
import { routeQueue } from './route-queue.js';
import { businessAgentDue, departmentDue, nextBusinessAgent, passOnInDepartment } from './business-handoff.js';

/**
 * An agent signed out of duty (`duty.signed_out`): their window conversations go back to the
 * queue (routed to the others at once); a business agent's are offered, one by one, to another
 * on-duty business agent of the department with the fewest open chats, with a fresh response
 * minute as after a transfer, and only with none left go to the department's list (due in one
 * working day); at the end of hours they end instead (out_of_hours, the citizen offered a message).
 * Idempotent: a second run finds nothing held by the agent.
 */
export async function handOverChats(
  deps: ChatDeps,
  actor: Actor,
  now: Date,
  userId: string,
  reason: DutyReason,
): Promise<{ handedOver: number }> {
  const held = await deps.db
    .selectFrom('chat_conversations')
    .selectAll()
    .where('agent_id', '=', userId)
    .where('status', 'in', ['active', 'transferred'])
    .execute();
  const due = { agentDueAt: await businessAgentDue(deps, now), departmentDueAt: await departmentDue(deps, now) };
  let n = 0;
  for (const c of held) {
    const ok = await unlessRaced(() =>
      deps.db.transaction().execute(async (trx) => {
        if (reason === 'end_of_hours') return closeWith(trx, actor, now, c, 'out_of_hours', null);
        if (c.status === 'active') {
          await requeueConversation(trx, actor, now, c, 'signed_out');
          await appendMessage(trx, actor, now, {
            conversationId: c.id,
            author: 'system',
            authorId: null,
            kind: 'text',
            text: '正在为您转接其他客服，请稍候。',
          });
          return;
        }
        // picked inside the transaction, chat by chat: each one handed over counts in the next pick
        await passOnInDepartment(trx, actor, now, c, await nextBusinessAgent(trx, c), due);
      }),
    );
    if (ok) n++;
  }
  await routeQueue(deps, now);
  return { handedOver: n };
}
