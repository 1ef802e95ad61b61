import type { Db } from '../../../platform/db/connect.js';
import { nextCounter } from '../../../platform/db/counters.js';
import { shanghaiDate } from '../../../platform/calendar/index.js';
import { workingDaysAgo } from '../../calendar/demo-times.js';
import { WorkingTimeService } from '../../calendar/working-time-service.js';
import { demoStaff } from '../../org/seed/demo-staff.js';
import { logCall } from '../use-cases/log-call.js';
import { transferCall } from '../use-cases/transfer-form.js';
import { replyForm } from '../use-cases/work-form.js';
import { readableForm } from '../phone.repo.js';

/**
 * Demo phone transfer forms (demo mode only), made by the window through the product's commands:
 * one waiting for 水资源管理处 (due by the working-time engine 1 working day after the transfer),
 * one overdue at 供水处, one answered by 排水处 waiting for the window to close it. Seeded once: a
 * counter claims the work, so a restart or a second node starting together adds nothing.
 */
export async function seedDemoForms(db: Db, now: Date): Promise<void> {
  const window1 = await demoStaff(db, 'window1');
  const drain = await demoStaff(db, 'drain1');
  if (!window1 || !drain) return;
  if ((await nextCounter(db, 'demo:phone-forms')) !== 1) return;
  const deps = { db, workingTime: new WorkingTimeService(db) };
  const cal = await deps.workingTime.getCalendar();
  const depts = new Map(
    (await db.selectFrom('departments').select(['id', 'code']).execute()).map((d) => [d.code, d.id]),
  );
  const forms = [
    {
      call: {
        callerName: '何先生',
        phone: '13917720001',
        type: 'water' as const,
        content: '农业灌溉取用地下水是否需要办理取水许可？年用水量大约两万立方米。',
      },
      department: 'water-resources',
      at: workingDaysAgo(cal, now, 0, '09:35'),
    },
    {
      call: {
        callerName: '林女士',
        phone: '13817720002',
        type: 'supply' as const,
        content: '新建住宅小区接入市政供水管网，供水方案审核需要多长时间？',
      },
      department: 'water-supply',
      at: workingDaysAgo(cal, now, 3, '14:20'),
    },
    {
      call: {
        callerName: '马先生',
        phone: '13717720003',
        type: 'drainage' as const,
        content: '洗车店的污水能否直接排入雨水管？需要办理什么手续？',
      },
      department: 'drainage',
      at: workingDaysAgo(cal, now, 1, '10:10'),
      reply: '已电话告知马先生：洗车污水不得排入雨水管，须经隔油沉淀后接入污水管网，并办理排水许可证。',
    },
  ];
  for (const f of forms) {
    const callId = await logCall(db, window1.actor, f.at, f.call);
    const sent = await transferCall(deps, window1.actor, new Date(f.at.getTime() + 5 * 60_000), callId, {
      departmentId: depts.get(f.department)!,
    });
    if (!f.reply) continue;
    const repliedAt = new Date(Math.min(now.getTime(), f.at.getTime() + 3 * 60 * 60_000));
    await replyForm(db, drain.p, drain.actor, repliedAt, await readableForm(db, drain.p, sent.id), {
      reply: f.reply,
      answered: true,
      handlerName: '孙磊',
      headName: '黄处长',
      replyOn: shanghaiDate(repliedAt),
    });
  }
}
