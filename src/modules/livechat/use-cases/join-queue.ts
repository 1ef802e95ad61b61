import { nextCounter } from '../../../platform/db/counters.js';
import { AppError } from '../../../platform/errors.js';
import { recordEvent, type Actor } from '../../../platform/events/record-event.js';
import { hashToken, newId, randomToken } from '../../../platform/ids.js';
import { shanghaiDate } from '../../../platform/calendar/index.js';
import { findBotSession, listBotTurns } from '../../bot/bot.queries.js';
import type { TJoinChat } from '../../../contracts/livechat.js';
import { appendMessage } from '../append-message.js';
import type { ChatDeps } from '../chat-deps.js';
import { liveHelpNow } from '../live-hours.js';
import type { ConversationRow } from '../livechat.repo.js';

/**
 * A citizen joins the live-help queue, from the bot's 转人工 (its token: the bot history travels
 * with them, read through the bot's queries) or directly. Outside live-help hours the answer is
 * 409 offering a message for a call back instead (POST /api/bot/messages). Returns the citizen's
 * conversation token (shown once) and the stored conversation; routing runs after the commit.
 */
export async function joinQueue(
  deps: ChatDeps,
  actor: Actor,
  now: Date,
  input: TJoinChat,
): Promise<{ token: string; conversation: ConversationRow }> {
  const liveHelp = await liveHelpNow(deps.workingTime, now);
  if (!liveHelp.open)
    throw new AppError(
      'CONFLICT',
      {
        zh: '现在不是人工服务时间，您可以留言，我们将在工作时间回电。',
        en: 'Live help is closed now; leave a message and we will call you back during working hours.',
      },
      { reason: 'out_of_hours', liveHelp, leaveMessage: '/api/bot/messages' },
    );
  let botSessionId: string | null = null;
  let topic = input.question?.trim() ?? '';
  if (input.botToken) {
    const s = await findBotSession(deps.db, input.botToken, now);
    if (!s)
      throw new AppError(
        'VALIDATION_FAILED',
        {
          zh: '小申对话已过期，请直接发起人工服务。',
          en: 'The bot conversation has expired; start live help directly.',
        },
        { field: 'botToken' },
      );
    botSessionId = s.id;
    const open = await deps.db
      .selectFrom('chat_conversations')
      .select('id')
      .where('bot_session_id', '=', s.id)
      .where('status', '!=', 'closed')
      .executeTakeFirst();
    if (open)
      throw new AppError('CONFLICT', {
        zh: '您已在人工服务中，请在原会话中继续。',
        en: 'You are already talking to live help; continue there.',
      });
    if (!topic) topic = (await listBotTurns(deps.db, s.id)).at(-1)?.question ?? '';
  }
  const token = randomToken(24);
  // the number is taken in a statement of its own: inside the transaction, the counter's row would
  // stay locked until the commit and a burst of joins would go one at a time (a join that then
  // fails leaves its number unused, as a sequence does)
  const year = shanghaiDate(now).slice(0, 4);
  const number = `ZX${year}${String(await nextCounter(deps.db, `livechat:${year}`)).padStart(6, '0')}`;
  const conversation = await deps.db.transaction().execute(async (trx) => {
    const at = now.toISOString();
    const row: ConversationRow = {
      id: newId(),
      number,
      token_hash: hashToken(token),
      channel: input.channel,
      bot_session_id: botSessionId,
      topic: topic.slice(0, 200) || '（未填写问题）',
      status: 'queued',
      agent_id: null,
      department_id: null,
      skip_agent_id: null,
      queued_at: at,
      assigned_at: null,
      first_response_due_at: null,
      first_response_at: null,
      warned_at: null,
      breached: 0,
      department_due_at: null,
      department_overdue_at: null,
      transfer_due_at: null,
      transfer_response_at: null,
      outcome: null,
      closed_at: null,
      closed_by: null,
      last_seq: 0,
      citizen_read_seq: 0,
      agent_read_seq: 0,
      last_message_at: null,
      rated: 0,
      created_at: at,
      created_on: shanghaiDate(now),
      updated_at: at,
    };
    await trx.insertInto('chat_conversations').values(row).execute();
    await recordEvent(trx, actor, now, {
      type: 'livechat.queued',
      subjectType: 'chat_conversation',
      subjectId: row.id,
      subjectLabel: number,
      data: { conversationId: row.id, number, channel: input.channel, fromBot: !!botSessionId },
    });
    if (input.question?.trim()) {
      const m = await appendMessage(trx, actor, now, {
        conversationId: row.id,
        author: 'citizen',
        authorId: null,
        kind: 'text',
        text: input.question.trim(),
      });
      row.last_seq = m.seq;
      row.last_message_at = m.created_at;
    }
    return row;
  });
  return { token, conversation };
}
