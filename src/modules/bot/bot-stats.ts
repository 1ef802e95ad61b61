import type { DbOrTrx } from '../../platform/db/connect.js';
import { shanghaiDate } from '../../platform/calendar/index.js';
import { BOT_CHOICE_NONE } from '../../contracts/enums/bot.js';
import { groupInboxItems } from './inbox-groups.js';

export interface BotStats {
  sessions: number;
  questions: number;
  answered: number;
  suggested: number;
  noMatch: number;
  humanRequests: number;
  outOfScope: number;
  suggestionsOpened: number;
  noneOfThese: number;
  solvedFeedback: number;
  unsolvedFeedback: number;
  /** conversations in which the citizen pressed 已解决 at least once */
  confirmedSessions: number;
  confirmedRate: number | null;
  /** see RESOLUTION_DEFINITIONS.inferred: an answer shown and no sign it failed (includes the confirmed) */
  inferredSessions: number;
  inferredRate: number | null;
  /** the same as inferredSessions / inferredRate (kept for older clients) */
  resolvedSessions: number;
  resolutionRate: number | null;
  ratings: Record<number, number>;
  /** this calendar month's (Shanghai) unanswered questions, grouped, most asked first */
  topUnanswered: { question: string; count: number }[];
}

type Session = { asked: boolean; shown: boolean; failed: boolean; confirmed: boolean };

/**
 * The bot's figures for a period, with the two resolution rates apart: confirmed (the citizen
 * pressed 已解决) and inferred (an answer was shown — directly, picked, or under "您是不是想问" —
 * and the citizen did not press 未解决 or 都不是, ask for a person, or leave a message). Sessions
 * with only greetings are not counted.
 */
export async function botStats(db: DbOrTrx, from: Date, to: Date, now: Date): Promise<BotStats> {
  const turns = await db
    .selectFrom('bot_turns')
    .select(['session_id', 'decision', 'feedback', 'choice', 'suggested'])
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
  const per = new Map<string, Session>();
  const s = {
    questions: 0,
    answered: 0,
    suggested: 0,
    noMatch: 0,
    humanRequests: 0,
    outOfScope: 0,
    suggestionsOpened: 0,
    noneOfThese: 0,
    solvedFeedback: 0,
    unsolvedFeedback: 0,
  };
  for (const t of turns) {
    const st = per.get(t.session_id) ?? { asked: false, shown: false, failed: false, confirmed: false };
    per.set(t.session_id, st);
    if (t.decision === 'smalltalk') continue;
    st.asked = true;
    s.questions++;
    if (t.decision === 'answer' || t.decision === 'picked') {
      s.answered++;
      st.shown = true;
    }
    if (t.decision === 'suggest') {
      s.suggested++;
      // the best suggestion's answer is shown with the reply; 都不是 says it did not help
      if (t.choice === BOT_CHOICE_NONE) {
        s.noneOfThese++;
        st.failed = true;
      } else if ((JSON.parse(t.suggested) as string[]).length > 0) {
        st.shown = true;
        if (t.choice) s.suggestionsOpened++;
      }
    }
    if (t.decision === 'none') s.noMatch++;
    if (t.decision === 'human') {
      s.humanRequests++;
      st.failed = true;
    }
    if (t.decision === 'out_of_scope') s.outOfScope++;
    if (t.feedback === 'solved') {
      s.solvedFeedback++;
      st.confirmed = true;
    }
    if (t.feedback === 'unsolved') {
      s.unsolvedFeedback++;
      st.failed = true;
    }
  }
  let asked = 0;
  let confirmed = 0;
  let inferred = 0;
  for (const [id, st] of per) {
    if (!st.asked) continue;
    asked++;
    if (st.confirmed) confirmed++;
    if (st.confirmed || (st.shown && !st.failed && !messaged.has(id))) inferred++;
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
  const rate = (n: number) => (asked ? n / asked : null);
  return {
    sessions: asked,
    ...s,
    confirmedSessions: confirmed,
    confirmedRate: rate(confirmed),
    inferredSessions: inferred,
    inferredRate: rate(inferred),
    resolvedSessions: inferred,
    resolutionRate: rate(inferred),
    ratings,
    topUnanswered: await topUnanswered(db, now),
  };
}

/** The month's questions that went to the unanswered inbox (handled or not), grouped, top 10. */
async function topUnanswered(db: DbOrTrx, now: Date): Promise<{ question: string; count: number }[]> {
  const monthStart = `${shanghaiDate(now).slice(0, 7)}-01`;
  const rows = await db
    .selectFrom('bot_turns')
    .select(['id', 'question', 'created_at', 'feedback'])
    .where('created_on', '>=', monthStart)
    .where('inbox_status', 'is not', null)
    .orderBy('created_at', 'desc')
    .limit(5000)
    .execute();
  const groups = groupInboxItems(
    rows.map((r) => ({
      id: r.id,
      question: r.question,
      createdAt: r.created_at,
      reason: r.feedback === 'unsolved' ? ('unsolved' as const) : ('no_match' as const),
      topCandidate: null,
    })),
  );
  return groups.slice(0, 10).map((g) => ({ question: g.question, count: g.count }));
}
