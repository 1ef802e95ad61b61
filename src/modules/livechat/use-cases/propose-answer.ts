import type { Db } from '../../../platform/db/connect.js';
import { recordEvent, type Actor } from '../../../platform/events/record-event.js';
import { authorize } from '../../../platform/policy/authorize.js';
import type { Principal } from '../../../platform/policy/principal.js';
import { proposeKbEntry } from '../../knowledge/use-cases/propose-entry.js';
import type { TProposeChatAnswer } from '../../../contracts/livechat.js';
import { accessOf, requireConversation } from '../livechat.repo.js';
import { livechatPolicy } from '../livechat.policy.js';
import { notPart } from './send-message.js';
import { conversationSubject } from '../livechat.events.js';

/**
 * An effective answer becomes a KB proposal for the owner department (the knowledge module's
 * proposals), naming the conversation as its source; the department defaults to the one the
 * conversation was transferred to.
 */
export async function proposeAnswer(
  db: Db,
  p: Principal,
  actor: Actor,
  now: Date,
  id: string,
  input: TProposeChatAnswer,
): Promise<string> {
  const c = await requireConversation(db, id);
  const access = await accessOf(db, c);
  if (!livechatPolicy.read(p, access)) throw notPart();
  if (!(c.agent_id === p.id || access.heldBy.includes(p.id))) authorize(p, livechatPolicy.act, access);
  return db.transaction().execute(async (trx) => {
    const proposalId = await proposeKbEntry(trx, actor, now, {
      source: 'live_help',
      sourceRef: c.number,
      question: input.question,
      answer: input.answer,
      matterId: input.matterId ?? null,
      departmentId: input.departmentId ?? c.department_id ?? p.departmentId,
    });
    await recordEvent(trx, actor, now, {
      type: 'livechat.kb_proposed',
      ...conversationSubject(c),
      data: { conversationId: c.id, number: c.number, proposalId },
    });
    return proposalId;
  });
}
