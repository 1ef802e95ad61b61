import type { Trx } from '../../../platform/db/connect.js';
import type { Actor } from '../../../platform/events/record-event.js';
import { transition } from '../../../platform/state-machine/state-machine.js';
import type { ConversationRow } from '../livechat.repo.js';
import { CHAT_MACHINE } from '../transitions.js';
import { conversationSubject } from '../livechat.events.js';

/**
 * Puts a window agent's conversation back in the queue (the minute lapsed, or the agent signed
 * out), remembering whom to skip; it keeps its place (queued_at) so it is routed first.
 */
export async function requeueConversation(
  trx: Trx,
  actor: Actor,
  now: Date,
  c: ConversationRow,
  reason: 'breach' | 'signed_out',
): Promise<void> {
  await transition(trx, CHAT_MACHINE, {
    id: c.id,
    action: 'requeue',
    actor,
    now,
    row: c,
    set: () => ({
      agent_id: null,
      skip_agent_id: c.agent_id,
      warned_at: null,
      first_response_due_at: c.first_response_at ? c.first_response_due_at : null,
      updated_at: now.toISOString(),
    }),
    event: () => ({
      type: 'livechat.requeued',
      ...conversationSubject(c),
      data: {
        conversationId: c.id,
        number: c.number,
        from: c.status,
        to: 'queued',
        agentId: null,
        previousAgentId: c.agent_id,
        reason,
      },
    }),
  });
}
