import type { Kysely } from 'kysely';
import type { Trx } from '../db/connect.js';
import { AppError, notFound, type Bilingual } from '../errors.js';
import { recordEvent, type Actor, type EventInput } from '../events/record-event.js';

/** One move of a workflow: from which statuses, to which status, its label; `by` is for the policy. */
export interface Move<S extends string> {
  from: readonly S[];
  to: S;
  label: Bilingual;
  needsComment?: boolean;
  by?: string;
}

/**
 * A workflow as data: the table whose `status` column it drives (rows keyed by `id`), the
 * statuses and the moves, each with Chinese and English labels for messages and the web app.
 */
export interface StateMachine<S extends string, A extends string> {
  table: string;
  subject: Bilingual;
  statuses: Record<S, Bilingual>;
  moves: Record<A, Move<S>>;
}

/** Declares a workflow; the name keeps the status and action literals. */
export function defineMachine<S extends string, A extends string>(m: StateMachine<S, A>): StateMachine<S, A> {
  return m;
}

function current<S extends string>(m: StateMachine<S, string>, status: S) {
  return { current: status, currentLabel: m.statuses[status] ?? { zh: status, en: status } };
}

/** The status after `action`, or INVALID_TRANSITION (409, the current state in details); no I/O. */
export function nextStatus<S extends string, A extends string>(
  m: StateMachine<S, A>,
  from: S,
  action: A,
  comment?: string | null,
): S {
  const move = m.moves[action];
  if (!move || !move.from.includes(from)) {
    const st = m.statuses[from] ?? { zh: from, en: from };
    const act = move?.label ?? { zh: action, en: action };
    throw new AppError(
      'INVALID_TRANSITION',
      {
        zh: `${m.subject.zh}当前为“${st.zh}”，不能${act.zh}。`,
        en: `A ${m.subject.en} that is ${st.en.toLowerCase()} cannot be moved by "${act.en}".`,
      },
      { from, action, ...current(m, from) },
    );
  }
  if (move.needsComment && !comment?.trim()) {
    throw new AppError(
      'VALIDATION_FAILED',
      { zh: `${move.label.zh}时必须填写意见。`, en: `A comment is required to ${move.label.en.toLowerCase()}.` },
      { field: 'comment' },
    );
  }
  return move.to;
}

/** The actions possible from a status, so the web app shows only the right buttons. */
export function actionsFrom<S extends string, A extends string>(m: StateMachine<S, A>, status: S): A[] {
  return (Object.keys(m.moves) as A[]).filter((a) => m.moves[a].from.includes(status));
}

type Row = { id: string; status: string };

export interface TransitionInput<S extends string, A extends string, R extends Row> {
  id: string;
  action: A;
  actor: Actor;
  now: Date;
  comment?: string | null;
  /** the row already loaded (and authorised) in this transaction; otherwise it is loaded here */
  row?: R;
  /** other columns to change with the status */
  set?: (row: R, to: S) => Record<string, unknown>;
  /** the event of this move, written in the same transaction */
  event: (row: R, to: S) => EventInput;
}

/**
 * The one way a status changes: check the move against the table, UPDATE … WHERE id = ? AND
 * status = <what was read>, and only if that changed exactly one row write the event, all in the
 * caller's transaction. A request that lost a race to another one answers 409 with the state the
 * winner left, and writes nothing.
 */
export async function transition<S extends string, A extends string, R extends Row = Row & Record<string, unknown>>(
  trx: Trx,
  m: StateMachine<S, A>,
  input: TransitionInput<S, A, R>,
): Promise<{ row: R; from: S; to: S }> {
  const db = trx as unknown as Kysely<any>;
  const row =
    input.row ??
    ((await db.selectFrom(m.table).selectAll().where('id', '=', input.id).executeTakeFirst()) as R | undefined);
  if (!row) throw notFound(m.subject);
  const from = row.status as S;
  const to = nextStatus(m, from, input.action, input.comment);
  const res = await db
    .updateTable(m.table)
    .set({ ...(input.set?.(row, to) ?? {}), status: to })
    .where('id', '=', input.id)
    .where('status', '=', from)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) {
    const latest: { status: S } | undefined = await db
      .selectFrom(m.table)
      .select('status')
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (!latest) throw notFound(m.subject);
    const st = m.statuses[latest.status] ?? { zh: latest.status, en: latest.status };
    throw new AppError(
      'CONFLICT',
      {
        zh: `${m.subject.zh}刚被其他人处理，当前为“${st.zh}”，请刷新后再试。`,
        en: `Someone else just changed this ${m.subject.en}; it is now ${st.en.toLowerCase()}. Reload and retry.`,
      },
      { action: input.action, ...current(m, latest.status) },
    );
  }
  await recordEvent(trx, input.actor, input.now, input.event(row, to));
  return { row, from, to };
}
