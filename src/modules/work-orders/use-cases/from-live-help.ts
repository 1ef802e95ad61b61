import { SYSTEM_ACTOR } from '../../../platform/events/record-event.js';
import { receiveOrder, type ReceiveDeps } from './receive-order.js';

/**
 * A live-help conversation pushed to the hotline office (livechat's `chat_hotline_cases`, read, never
 * written here) becomes a help-request order; the case id is the external number, so handling the
 * same event twice (a durable consumer may) makes one order.
 */
export async function receiveLiveHelpCase(deps: ReceiveDeps, now: Date, caseId: string): Promise<void> {
  const c = await deps.db
    .selectFrom('chat_hotline_cases as h')
    .innerJoin('chat_conversations as c', 'c.id', 'h.conversation_id')
    .select(['h.id', 'h.note', 'h.created_at', 'c.number', 'c.topic'])
    .where('h.id', '=', caseId)
    .executeTakeFirst();
  if (!c) return;
  await receiveOrder(deps, SYSTEM_ACTOR, now, {
    source: 'live_help',
    externalNo: c.id,
    type: 'help_request',
    title: c.topic.slice(0, 200) || c.number,
    content: c.note,
    receivedAt: new Date(c.created_at),
    details: { conversationNumber: c.number },
  });
}
