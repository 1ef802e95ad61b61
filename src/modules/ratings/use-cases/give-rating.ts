import type { Db } from '../../../platform/db/connect.js';
import { isUniqueViolation } from '../../../platform/db/constraint.js';
import { AppError } from '../../../platform/errors.js';
import { recordEvent, type Actor } from '../../../platform/events/record-event.js';
import { newId } from '../../../platform/ids.js';
import { shanghaiDate } from '../../../platform/calendar/index.js';
import { ZGiveRating, type TGiveRating } from '../ratings.schemas.js';

const ALREADY = {
  zh: '您已经评价过本次服务，谢谢。',
  en: 'This service has already been rated, thank you.',
};

/**
 * Records the citizen's rating of one service (bot conversation, live-help session, call, work
 * order, visit): one rating per (channel, subject), so a retried request with the same rating
 * answers the first one again, while a different second rating is refused (409).
 */
export async function giveRating(
  db: Db,
  actor: Actor,
  now: Date,
  raw: TGiveRating,
): Promise<{ id: string; repeated: boolean }> {
  const parsed = ZGiveRating.safeParse(raw);
  if (!parsed.success)
    throw new AppError('VALIDATION_FAILED', {
      zh: '评价须为 1 至 5 级，意见不超过 500 字。',
      en: 'A rating is a level from 1 to 5 with at most 500 characters of comment.',
    });
  const input = parsed.data;
  const comment = input.comment || null;
  const same = async () => {
    const r = await db
      .selectFrom('ratings')
      .select(['id', 'level', 'comment'])
      .where('channel', '=', input.channel)
      .where('subject_type', '=', input.subjectType)
      .where('subject_id', '=', input.subjectId)
      .executeTakeFirst();
    if (!r) return null;
    if (r.level !== input.level || (r.comment ?? null) !== comment) throw new AppError('CONFLICT', ALREADY);
    return { id: r.id, repeated: true };
  };
  const earlier = await same();
  if (earlier) return earlier;
  const id = newId();
  try {
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('ratings')
        .values({
          id,
          channel: input.channel,
          subject_type: input.subjectType,
          subject_id: input.subjectId,
          level: input.level,
          comment,
          department_id: input.departmentId ?? null,
          anonymous: input.rater ? 0 : 1,
          rater_id: input.rater?.id ?? null,
          rater_name: input.rater?.name ?? null,
          created_at: now.toISOString(),
          created_on: shanghaiDate(now),
        })
        .execute();
      await recordEvent(trx, actor, now, {
        type: 'rating.given',
        subjectType: input.subjectType,
        subjectId: input.subjectId,
        subjectLabel: input.subjectLabel ?? null,
        departmentId: input.departmentId ?? null,
        data: {
          channel: input.channel,
          subjectType: input.subjectType,
          subjectId: input.subjectId,
          level: input.level,
          anonymous: !input.rater,
        },
      });
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const raced = await same();
    if (raced) return raced;
    throw err;
  }
  return { id, repeated: false };
}
