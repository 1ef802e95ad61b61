import type { Db } from '../../../platform/db/connect.js';
import { takeSeedLock } from '../../../platform/db/seed-lock.js';
import { recordEvent, SYSTEM_ACTOR } from '../../../platform/events/record-event.js';
import { newId } from '../../../platform/ids.js';

/** The starting list of forbidden phrases (禁语, seed art. 7) with polite wording; the supervisor edits it. */
export const DEFAULT_PHRASES: { phrase: string; suggestion: string }[] = [
  { phrase: '不知道', suggestion: '请稍等，我帮您查询一下。' },
  { phrase: '不清楚', suggestion: '这个问题我帮您确认一下，请稍等。' },
  { phrase: '不归我管', suggestion: '这个事项由相关部门负责，我帮您联系/转接。' },
  { phrase: '你自己去看', suggestion: '我把办事指南发给您，并为您说明重点。' },
  { phrase: '没办法', suggestion: '我们一起看看还有什么办法，我帮您再核实一下。' },
  { phrase: '我也没办法', suggestion: '我理解您的难处，我帮您向业务部门反映并尽快答复。' },
  { phrase: '找别人去', suggestion: '我帮您转接到负责的同事，请稍等。' },
  { phrase: '不是跟你说了吗', suggestion: '我再为您详细说明一遍。' },
  { phrase: '急什么', suggestion: '我理解您着急，我尽快为您处理。' },
];

/** Shared canned replies (常用语) for a new installation. */
export const DEFAULT_CANNED_REPLIES: { title: string; text: string }[] = [
  { title: '问候', text: '您好，我是上海市水务局在线帮办客服，很高兴为您服务，请问有什么可以帮您？' },
  { title: '请稍候', text: '请您稍等，我帮您查询一下，马上回复您。' },
  { title: '转业务部门', text: '您咨询的问题需要业务部门进一步解答，我现在为您转接，请稍候。' },
  { title: '办事指南', text: '该事项的办事指南可在“一网通办”查看，我把链接和要点发给您。' },
  { title: '结束语', text: '感谢您的咨询，如还有其他问题欢迎随时联系我们，请您对本次服务进行评价。' },
];

/**
 * Presets the forbidden phrases and shared canned replies once per database (a marker event,
 * not the rows, says it was done, so a phrase the supervisor deleted does not come back).
 */
export async function seedConduct(db: Db, now: Date): Promise<void> {
  const done = () =>
    db.selectFrom('events').select('id').where('type', '=', 'conduct.phrases_seeded').executeTakeFirst();
  if (await done()) return;
  await db.transaction().execute(async (trx) => {
    await takeSeedLock(trx);
    const again = await trx
      .selectFrom('events')
      .select('id')
      .where('type', '=', 'conduct.phrases_seeded')
      .executeTakeFirst();
    if (again) return;
    const ts = now.toISOString();
    for (const p of DEFAULT_PHRASES)
      await trx
        .insertInto('conduct_phrases')
        .values({ id: newId(), ...p, created_at: ts, updated_at: ts })
        .onConflict((oc) => oc.column('phrase').doNothing())
        .execute();
    const replies = await trx.selectFrom('conduct_canned_replies').select('id').executeTakeFirst();
    if (!replies)
      await trx
        .insertInto('conduct_canned_replies')
        .values(
          DEFAULT_CANNED_REPLIES.map((r, i) => ({
            id: newId(),
            ...r,
            department_id: null,
            sort_order: i * 10,
            created_by: null,
            created_at: ts,
            updated_at: ts,
          })),
        )
        .execute();
    await recordEvent(trx, SYSTEM_ACTOR, now, {
      type: 'conduct.phrases_seeded',
      data: { count: DEFAULT_PHRASES.length },
    });
  });
}
