import type { DbOrTrx } from '../../platform/db/connect.js';

export interface BotStats {
  sessions: number;
  questions: number;
  answered: number;
  suggested: number;
  noMatch: number;
  solvedFeedback: number;
  unsolvedFeedback: number;
  resolvedSessions: number;
  /** resolved ÷ sessions that asked a real question; the city's target is 0.5 */
  resolutionRate: number | null;
  ratings: Record<number, number>;
}

/**
 * The bot's figures for a period. A conversation counts as resolved when 小申 gave at least one
 * answer and the citizen neither marked an answer unsolved nor had to leave a message; sessions
 * with only greetings are not counted.
 */
export async function botStats(db: DbOrTrx, from: Date, to: Date): Promise<BotStats> {
  const turns = await db
    .selectFrom('bot_turns')
    .select(['session_id', 'decision', 'feedback'])
    .where('created_at', '>=', from.toISOString())
    .where('created_at', '<', to.toISOString())
    .execute();
  const messaged = new Set(
    (
      await db
        .selectFrom('callback_requests')
        .select('bot_session_id')
        .where('created_at', '>=', from.toISOString())
        .where('created_at', '<', to.toISOString())
        .where('bot_session_id', 'is not', null)
        .execute()
    ).map((r) => r.bot_session_id),
  );
  const per = new Map<string, { asked: boolean; answered: boolean; unsolved: boolean }>();
  const s = { questions: 0, answered: 0, suggested: 0, noMatch: 0, solvedFeedback: 0, unsolvedFeedback: 0 };
  for (const t of turns) {
    const st = per.get(t.session_id) ?? { asked: false, answered: false, unsolved: false };
    per.set(t.session_id, st);
    if (t.decision === 'smalltalk') continue;
    st.asked = true;
    s.questions++;
    if (t.decision === 'answer' || t.decision === 'picked') {
      s.answered++;
      st.answered = true;
    }
    if (t.decision === 'suggest') s.suggested++;
    if (t.decision === 'none') s.noMatch++;
    if (t.feedback === 'solved') s.solvedFeedback++;
    if (t.feedback === 'unsolved') {
      s.unsolvedFeedback++;
      st.unsolved = true;
    }
  }
  let asked = 0;
  let resolved = 0;
  for (const [id, st] of per) {
    if (!st.asked) continue;
    asked++;
    if (st.answered && !st.unsolved && !messaged.has(id)) resolved++;
  }
  const ratingRows = await db
    .selectFrom('ratings')
    .select(['level'])
    .where('channel', '=', 'bot')
    .where('created_at', '>=', from.toISOString())
    .where('created_at', '<', to.toISOString())
    .execute();
  const ratings: Record<number, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  for (const r of ratingRows) ratings[r.level]++;
  return {
    sessions: asked,
    ...s,
    resolvedSessions: resolved,
    resolutionRate: asked ? resolved / asked : null,
    ratings,
  };
}
