import type { Db } from '../../../platform/db/connect.js';
import { AppError, type Bilingual } from '../../../platform/errors.js';
import { recordEvent, type Actor } from '../../../platform/events/record-event.js';
import { newId } from '../../../platform/ids.js';
import { shanghaiDate } from '../../../platform/calendar/index.js';
import type { BotDecision } from '../../../contracts/enums/bot.js';
import type { BotIndex, LiveEntry } from '../bot-index.js';
import { routeTurn } from '../matcher/index.js';
import { keepTopic } from '../follow-up.js';
import type { BotSession } from '../bot-session.js';
import { MAX_QUESTION } from '../bot.schemas.js';
import { isValid, presentEntry, relatedOf, type PresentedEntry } from '../present-entry.js';
import {
  HUMAN_CLOSED,
  HUMAN_OPEN,
  NO_MATCH,
  NO_MATCH_OPEN,
  NOT_UNDERSTOOD,
  OUT_OF_SCOPE,
  OUT_OF_SCOPE_LINK,
  SMALLTALK_REPLIES,
  SUGGEST,
} from '../replies.js';
import { countEntryShown } from '../../knowledge/use-cases/count-entry-use.js';

export type { BotDecision } from '../../../contracts/enums/bot.js';
export type { PresentedEntry } from '../present-entry.js';

export interface BotReply {
  turnId: string;
  decision: BotDecision;
  message: Bilingual | null;
  answer: PresentedEntry | null;
  /**
   * When not confident enough to answer: the best suggested entry's answer, shown under
   * "您是不是想问：<question>" so the citizen reads an answer in one step. `suggestions` still lists
   * every choice, this one first.
   */
  suggestion: PresentedEntry | null;
  suggestions: { entryId: string; question: string }[];
  related: { entryId: string; question: string }[];
  /** a link to show with the message (一网通办 for another authority's business) */
  link: { label: Bilingual; url: string } | null;
  /** what the citizen can do next without typing: talk to a person, or leave a message */
  next: 'transfer' | 'leave_message' | null;
  confidence: number;
}

/**
 * One turn of a citizen's conversation with 小申: match the question against the live KB (with
 * the previous turn's matter as context), route it (answer / suggest with the best entry's answer
 * / no match / a request for a person / another authority's business), store the turn (which
 * feeds the resolution rates and the unanswered inbox) and say what to show.
 */
export async function askQuestion(
  db: Db,
  index: BotIndex,
  actor: Actor,
  now: Date,
  session: BotSession,
  input: { question?: string; pick?: string },
  liveHelpOpen = false,
): Promise<BotReply> {
  const question = (input.question ?? '').trim();
  if (!input.pick && !question)
    throw new AppError(
      'VALIDATION_FAILED',
      { zh: '请输入您想咨询的问题。', en: 'Please type your question.' },
      { field: 'question' },
    );
  if (question.length > MAX_QUESTION) {
    throw new AppError(
      'VALIDATION_FAILED',
      {
        zh: `问题太长了，请精简到 ${MAX_QUESTION} 字以内。`,
        en: `Please keep the question under ${MAX_QUESTION} characters.`,
      },
      { field: 'question' },
    );
  }
  const today = shanghaiDate(now);
  // Context for follow-ups ("那要什么材料"): the matter of the latest turn that had one.
  const previous = await db
    .selectFrom('bot_turns')
    .select(['entry_id', 'matter_id'])
    .where('session_id', '=', session.id)
    .where('matter_id', 'is not', null)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();

  let decision: BotDecision;
  let entry: LiveEntry | undefined;
  let suggestions: LiveEntry[] = [];
  let message: Bilingual | null = null;
  let link: BotReply['link'] = null;
  let next: BotReply['next'] = null;
  let confidence = 0;
  let candidates: { entryId: string; score: number }[] = [];

  if (input.pick) {
    entry = index.entry(input.pick);
    if (!isValid(entry, today))
      throw new AppError('NOT_FOUND', {
        zh: '该问题的答案已更新或下线，请重新提问。',
        en: 'That answer is no longer available; please ask again.',
      });
    decision = 'picked';
    confidence = 1;
  } else {
    const previousMatter = previous?.matter_id ? index.matterKey(previous.matter_id) : null;
    const result = index.matcherInstance.match(question, {
      previousMatter,
      previousEntryId: previous?.entry_id ?? null,
      limit: 10,
    });
    confidence = result.confidence;
    candidates = result.candidates.map((c) => ({ entryId: c.id, score: Math.round(c.score * 1000) / 1000 }));
    const shown = (id: string) => isValid(index.entry(id), today);
    const turn = keepTopic(index, routeTurn(result, shown), question, previous?.matter_id ?? null, shown);
    decision = turn.decision;
    if (turn.decision === 'smalltalk') message = SMALLTALK_REPLIES[turn.kind];
    else if (turn.decision === 'answer') entry = index.entry(turn.entryId);
    else if (turn.decision === 'suggest') {
      suggestions = turn.entryIds.map((id) => index.entry(id)!);
      message = SUGGEST;
    } else if (turn.decision === 'human') {
      message = liveHelpOpen ? HUMAN_OPEN : HUMAN_CLOSED;
      next = liveHelpOpen ? 'transfer' : 'leave_message';
    } else if (turn.decision === 'out_of_scope') {
      message = OUT_OF_SCOPE;
      link = OUT_OF_SCOPE_LINK;
    } else if (!turn.understood) message = NOT_UNDERSTOOD;
    else {
      message = liveHelpOpen ? NO_MATCH_OPEN : NO_MATCH;
      if (liveHelpOpen) next = 'transfer';
    }
  }

  const related = entry ? relatedOf(index, entry, today) : [];
  const suggestion = suggestions[0];
  // A turn's matter (context for the next turn): the answered entry's, or that of the best
  // suggestion that has one (a general entry first in the list must not lose the topic).
  const matterId = entry?.matterId ?? suggestions.find((e) => e.matterId)?.matterId ?? null;
  const turnId = newId();
  const storedQuestion = input.pick ? `（选择）${entry!.question}` : question.slice(0, MAX_QUESTION);
  const seq = await db.transaction().execute(async (trx) => {
    // The turn number is taken from the session row in one statement (its row lock orders two
    // questions sent at once), never read first and written later.
    const { turns } = await trx
      .updateTable('bot_sessions')
      .set((eb) => ({ turns: eb('turns', '+', 1), last_at: now.toISOString() }))
      .where('id', '=', session.id)
      .returning('turns')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('bot_turns')
      .values({
        id: turnId,
        session_id: session.id,
        seq: turns,
        question: storedQuestion,
        decision,
        entry_id: entry?.id ?? null,
        entry_version: entry?.version ?? null,
        matter_id: matterId,
        confidence: Math.round(confidence * 1000) / 1000,
        candidates: JSON.stringify(candidates.slice(0, 5)),
        suggested: JSON.stringify(suggestions.map((e) => e.id)),
        choice: null,
        choice_at: null,
        feedback: null,
        feedback_at: null,
        inbox_status: decision === 'none' && message !== NOT_UNDERSTOOD ? 'open' : null,
        inbox_entry_id: null,
        inbox_handled_by: null,
        inbox_handled_at: null,
        created_at: now.toISOString(),
        created_on: shanghaiDate(now),
      })
      .execute();
    // the suggested entry's answer is shown as well as a direct answer
    const shown = entry ?? suggestion;
    if (shown) await countEntryShown(trx, shown.id);
    const turn = {
      sessionId: session.id,
      channel: session.channel,
      decision,
      entryId: entry?.id ?? null,
      confidence: Math.round(confidence * 1000) / 1000,
    };
    const subject = { subjectType: 'bot_turn', subjectId: turnId, subjectLabel: storedQuestion.slice(0, 60) };
    await recordEvent(
      trx,
      actor,
      now,
      entry
        ? { ...subject, type: 'bot.question_answered', data: turn }
        : decision === 'suggest'
          ? { ...subject, type: 'bot.question_suggested', data: { ...turn, suggestions: suggestions.map((e) => e.id) } }
          : decision === 'human'
            ? { ...subject, type: 'bot.human_requested', data: turn }
            : decision === 'out_of_scope'
              ? { ...subject, type: 'bot.question_out_of_scope', data: turn }
              : { ...subject, type: 'bot.question_unmatched', data: turn },
    );
    return turns;
  });
  session.turns = seq;
  return {
    turnId,
    decision,
    message,
    confidence: Math.round(confidence * 1000) / 1000,
    answer: entry ? presentEntry(entry) : null,
    suggestion: suggestion ? presentEntry(suggestion) : null,
    suggestions: suggestions.map((e) => ({ entryId: e.id, question: e.question })),
    related,
    link,
    next,
  };
}
