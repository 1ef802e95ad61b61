import type { Db } from '../../../platform/db/connect.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { recordEvent, type Actor } from '../../../platform/events/record-event.js';
import { dayOfWeek, parseServiceHours } from '../../../platform/calendar/index.js';
import type { Channel, TImportYear } from '../calendar.schemas.js';
import { recomputeDeadlines } from '../deadline-recomputers.js';

/**
 * Marks one date as a public holiday or a make-up workday (调休), replacing what was there; open
 * deadlines spanning the date are recomputed in the same transaction (returns how many moved).
 */
export async function setCalendarDay(
  db: Db,
  actor: Actor,
  now: Date,
  date: string,
  kind: 'holiday' | 'workday',
  name?: string,
): Promise<{ recomputed: number }> {
  const weekend = [0, 6].includes(dayOfWeek(date));
  if (kind === 'workday' && !weekend) {
    throw new AppError(
      'VALIDATION_FAILED',
      { zh: '调休上班日只能设在周六或周日。', en: 'A make-up workday must fall on a Saturday or Sunday.' },
      { field: 'kind' },
    );
  }
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('calendar_days').selectAll().where('date', '=', date).executeTakeFirst();
    await trx
      .insertInto('calendar_days')
      .values({ date, kind, name: name ?? null, source: 'admin', updated_at: now.toISOString() })
      .onConflict((oc) =>
        oc.column('date').doUpdateSet({ kind, name: name ?? null, source: 'admin', updated_at: now.toISOString() }),
      )
      .execute();
    await recordEvent(trx, actor, now, {
      type: 'calendar.day_set',
      subjectType: 'calendar_day',
      subjectId: date,
      subjectLabel: date,
      data: { kind, name, before: before ? { kind: before.kind, name: before.name } : null },
    });
    return { recomputed: await recomputeDeadlines(trx, actor, now, { from: date, to: date }) };
  });
}

/** Removes an override: the date goes back to an ordinary weekday or weekend (deadlines recomputed). */
export async function removeCalendarDay(
  db: Db,
  actor: Actor,
  now: Date,
  date: string,
): Promise<{ recomputed: number }> {
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('calendar_days').selectAll().where('date', '=', date).executeTakeFirst();
    if (!before) throw notFound({ zh: '节假日设置', en: 'calendar entry' });
    await trx.deleteFrom('calendar_days').where('date', '=', date).execute();
    await recordEvent(trx, actor, now, {
      type: 'calendar.day_removed',
      subjectType: 'calendar_day',
      subjectId: date,
      subjectLabel: date,
      data: { before: { kind: before.kind, name: before.name } },
    });
    return { recomputed: await recomputeDeadlines(trx, actor, now, { from: date, to: date }) };
  });
}

/** Imports a whole year (e.g. next year's State Council notice) in one transaction with the deadlines it moves: all or nothing. */
export async function importCalendarYear(
  db: Db,
  actor: Actor,
  now: Date,
  input: TImportYear,
): Promise<{ imported: number; recomputed: number }> {
  const problems = input.days.flatMap((d, i) => {
    if (!d.date.startsWith(`${input.year}-`))
      return [`#${i + 1} ${d.date}: 不属于 ${input.year} 年 / not in ${input.year}`];
    if (d.kind === 'workday' && ![0, 6].includes(dayOfWeek(d.date)))
      return [`#${i + 1} ${d.date}: 调休上班日须为周末 / a make-up workday must be a weekend day`];
    return [];
  });
  const dates = input.days.map((d) => d.date);
  const dup = dates.find((d, i) => dates.indexOf(d) !== i);
  if (dup) problems.push(`${dup}: 重复 / duplicated`);
  if (problems.length) {
    throw new AppError(
      'VALIDATION_FAILED',
      {
        zh: `导入内容有误：${problems.slice(0, 5).join('；')}`,
        en: `Import rejected: ${problems.slice(0, 5).join('; ')}`,
      },
      { problems },
    );
  }
  const recomputed = await db.transaction().execute(async (trx) => {
    if (input.replace)
      await trx
        .deleteFrom('calendar_days')
        .where('date', '>=', `${input.year}-01-01`)
        .where('date', '<=', `${input.year}-12-31`)
        .execute();
    for (const d of input.days) {
      await trx
        .insertInto('calendar_days')
        .values({ date: d.date, kind: d.kind, name: d.name ?? null, source: 'import', updated_at: now.toISOString() })
        .onConflict((oc) =>
          oc
            .column('date')
            .doUpdateSet({ kind: d.kind, name: d.name ?? null, source: 'import', updated_at: now.toISOString() }),
        )
        .execute();
    }
    await recordEvent(trx, actor, now, {
      type: 'calendar.year_imported',
      subjectType: 'calendar_year',
      subjectId: String(input.year),
      subjectLabel: String(input.year),
      data: { year: input.year, days: input.days.length, replace: input.replace },
    });
    return recomputeDeadlines(trx, actor, now, { from: `${input.year}-01-01`, to: `${input.year}-12-31` });
  });
  return { imported: input.days.length, recomputed };
}

/** Sets the service hours of a channel (live help, service hall). */
export async function setServiceHours(
  db: Db,
  actor: Actor,
  now: Date,
  channel: Channel,
  periods: { start: string; end: string }[],
): Promise<void> {
  let parsed;
  try {
    parsed = parseServiceHours({ periods });
  } catch (err) {
    throw new AppError(
      'VALIDATION_FAILED',
      { zh: `服务时段有误：${(err as Error).message}`, en: `Invalid service hours: ${(err as Error).message}` },
      { field: 'periods' },
    );
  }
  await db.transaction().execute(async (trx) => {
    const value = JSON.stringify(parsed.periods);
    await trx
      .insertInto('service_hours')
      .values({ channel, periods: value, updated_at: now.toISOString() })
      .onConflict((oc) => oc.column('channel').doUpdateSet({ periods: value, updated_at: now.toISOString() }))
      .execute();
    await recordEvent(trx, actor, now, {
      type: 'service_hours.updated',
      subjectType: 'service_hours',
      subjectId: channel,
      subjectLabel: channel,
      data: { periods: parsed.periods },
    });
  });
}
