import type { Db } from '../../../platform/db/connect.js';
import { AppError, type Bilingual } from '../../../platform/errors.js';
import { recordEvent, type Actor } from '../../../platform/events/record-event.js';
import { newId } from '../../../platform/ids.js';
import { shanghaiDate } from '../../../platform/calendar/index.js';
import type { BotIndex, LiveEntry } from '../bot-index.js';
import { decideTurn } from '../matcher/index.js';
import type { BotSession } from '../bot-session.js';
import { MAX_QUESTION } from '../bot.schemas.js';
import { NO_MATCH, NOT_UNDERSTOOD, SMALLTALK_REPLIES, SUGGEST } from '../replies.js';
import { countEntryShown } from '../../knowledge/use-cases/count-entry-use.js';

export type BotDecision = 'answer' | 'suggest' | 'none' | 'smalltalk' | 'picked';

export interface BotReply {
  turnId: string;
  decision: BotDecision;
  message: Bilingual | null;
  answer: PresentedEntry | null;
  suggestions: { entryId: string; question: string }[];
  related: { entryId: string; question: string }[];
  confidence: number;
}

export interface PresentedEntry {
  entryId: string;
  code: string;
  question: string;
  answerHtml: string;
  matter: string | null;
  guideUrl: string | null;
  department: string;
  lastReviewed: string;
  version: number;
}

function present(e: LiveEntry): PresentedEntry {
  return {
    entryId: e.id,
    code: e.code,
    question: e.question,
    answerHtml: e.answer,
    matter: e.matterName,
    guideUrl: e.guideUrl,
    department: e.departmentName,
    lastReviewed: e.publishedAt,
    version: e.version,
  };
}

/** An entry answers only inside its validity dates (Shanghai calendar day). */
function isValid(e: LiveEntry | undefined, today: string): e is LiveEntry {
  return !!e && (!e.validFrom || e.validFrom <= today) && (!e.validUntil || e.validUntil >= today);
}

/**
 * One turn of a citizen's conversation with 小申: match the question against the live KB (with
 * the previous turn's matter as context), decide answer / suggest / no match, store the turn
 * (which feeds the resolution rate and the unanswered inbox) and say what to show.
 */
export async function askQuestion(
  db: Db,
  index: BotIndex,
  actor: Actor,
  now: Date,
  session: BotSession,
  input: { question?: string; pick?: string },
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
    const turn = decideTurn(result, (id) => isValid(index.entry(id), today));
    decision = turn.decision;
    if (turn.decision === 'smalltalk') message = SMALLTALK_REPLIES[turn.kind];
    else if (turn.decision === 'answer') entry = index.entry(turn.entryId);
    else if (turn.decision === 'suggest') {
      suggestions = turn.entryIds.map((id) => index.entry(id)!);
      message = SUGGEST;
    } else message = turn.understood ? NO_MATCH : NOT_UNDERSTOOD;
  }

  const related = entry ? relatedOf(index, entry, today) : [];
  // A turn's matter: the answered entry's, or the best suggestion's (context for the next turn).
  const matterId = entry?.matterId ?? suggestions[0]?.matterId ?? null;
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
        feedback: null,
        feedback_at: null,
        inbox_status: decision === 'none' && message === NO_MATCH ? 'open' : null,
        inbox_entry_id: null,
        inbox_handled_by: null,
        inbox_handled_at: null,
        created_at: now.toISOString(),
        created_on: shanghaiDate(now),
      })
      .execute();
    if (entry) await countEntryShown(trx, entry.id);
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
    answer: entry ? present(entry) : null,
    suggestions: suggestions.map((e) => ({ entryId: e.id, question: e.question })),
    related,
  };
}

/** Up to three other questions of the same matter, to help the citizen's next step. */
function relatedOf(index: BotIndex, entry: LiveEntry, today: string): { entryId: string; question: string }[] {
  if (!entry.matterId) return [];
  const out: { entryId: string; question: string }[] = [];
  for (const e of index.entriesOfMatter(entry.matterId)) {
    if (e.id !== entry.id && isValid(e, today)) out.push({ entryId: e.id, question: e.question });
    if (out.length === 3) break;
  }
  return out;
}
