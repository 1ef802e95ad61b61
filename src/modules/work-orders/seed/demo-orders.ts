import type { Db } from '../../../platform/db/connect.js';
import { nextCounter } from '../../../platform/db/counters.js';
import type { HolidayCalendar } from '../../../platform/calendar/index.js';
import { workingDaysAgo } from '../../calendar/demo-times.js';
import type { WorkOrderType } from '../../../contracts/enums/work-orders.js';
import { WorkingTimeService } from '../../calendar/working-time-service.js';
import { demoStaff } from '../../org/seed/demo-staff.js';
import { receiveOrder } from '../use-cases/receive-order.js';
import { callBackCitizen, closeOrder, dispatchOrder } from '../use-cases/hotline-moves.js';
import { acceptOrder, replyOrder } from '../use-cases/department-moves.js';
import { recordWindowReport } from '../use-cases/file-report.js';

interface DemoOrder {
  externalNo: string;
  type: WorkOrderType;
  title: string;
  content: string;
  name: string;
  phone: string;
  /** received this many working days before the seed's now, at this time */
  ago: [number, string];
  /** how far it has gone: handled by the department (and how), called back */
  to: 'received' | 'dispatched' | 'handling' | 'replied' | 'closed';
  department?: string;
  reply?: { text: string; resolved: boolean };
  satisfaction?: number;
}

/** A few 12345 orders as a hotline office sees them on an ordinary day (numbers are made up). */
const ORDERS: DemoOrder[] = [
  {
    externalNo: 'DEMO-12345-0001',
    type: 'consultation',
    title: '咨询二次供水设施改造补贴',
    content: '市民咨询老旧小区二次供水设施改造是否有补贴，需要业委会提交哪些材料。',
    name: '周女士',
    phone: '13916620001',
    ago: [0, '09:20'],
    to: 'received',
  },
  {
    externalNo: 'DEMO-12345-0002',
    type: 'complaint',
    title: '取水许可证延续审批进度慢',
    content: '企业反映取水许可证延续申请已提交二十多天，网上状态一直显示“审核中”，要求加快办理。',
    name: '上海某饮料有限公司 钱经理',
    phone: '13816620002',
    ago: [0, '10:05'],
    to: 'dispatched',
    department: 'water-resources',
  },
  {
    externalNo: 'DEMO-12345-0003',
    type: 'help_request',
    title: '小区自来水发黄',
    content: '市民反映小区自来水连续两天发黄、有异味，物业称是市政管网问题，请求尽快处理。',
    name: '孙先生',
    phone: '13761620003',
    ago: [2, '14:30'],
    to: 'handling',
    department: 'water-supply',
  },
  {
    externalNo: 'DEMO-12345-0004',
    type: 'complaint',
    title: '道路雨水井堵塞积水',
    content: '市民投诉路口雨水井长期堵塞，下雨后积水没过脚踝，多次反映未解决。',
    name: '吴先生',
    phone: '13601620004',
    ago: [8, '11:00'],
    to: 'handling',
    department: 'drainage',
  },
  {
    externalNo: 'DEMO-12345-0005',
    type: 'consultation',
    title: '排水许可证办理材料',
    content: '商户咨询新开餐饮店办理城镇污水排入排水管网许可证需要准备哪些材料。',
    name: '郑女士',
    phone: '13501620005',
    ago: [1, '15:10'],
    to: 'replied',
    department: 'drainage',
    reply: {
      text: '已电话联系郑女士，告知需提交申请表、隔油设施资料和排水接管图，可在一网通办网上申请。',
      resolved: true,
    },
  },
  {
    externalNo: 'DEMO-12345-0006',
    type: 'help_request',
    title: '水表漏水无人维修',
    content: '市民反映楼道水表接口漏水，联系供水公司三天未上门。',
    name: '冯先生',
    phone: '13901620006',
    ago: [6, '09:40'],
    to: 'closed',
    department: 'water-supply',
    reply: { text: '已协调供水公司次日上门更换接口，漏水已修复。', resolved: true },
    satisfaction: 5,
  },
];

/**
 * Demo cases (demo mode only): a handful of 12345 orders in different states — to dispatch,
 * dispatched to 水资源管理处, handling at 供水处, overdue at 排水处, replied awaiting the callback,
 * closed with the citizen's satisfaction — and a window 办不成事 record handled by 水资源管理处 (its
 * annex 6 prints). Made through the product's own commands with times before the seed's now, so
 * due times come from the working-time engine; idempotent by the 12345 number (a second start
 * finds the orders and changes nothing).
 */
export async function seedDemoOrders(db: Db, now: Date): Promise<void> {
  const [hotline, window1] = await Promise.all([demoStaff(db, 'hotline1'), demoStaff(db, 'window1')]);
  if (!hotline || !window1) return;
  const deps = { db, workingTime: new WorkingTimeService(db) };
  const cal = await deps.workingTime.getCalendar();
  const depts = new Map(
    (await db.selectFrom('departments').select(['id', 'code']).execute()).map((d) => [d.code, d.id]),
  );
  const staffOf: Record<string, string> = {
    'water-resources': 'water1',
    'water-supply': 'supply1',
    drainage: 'drain1',
  };
  const later = (t: Date, minutes: number) => {
    const at = new Date(t.getTime() + minutes * 60_000);
    return at < now ? at : now;
  };

  for (const d of ORDERS) {
    const at = workingDaysAgo(cal, now, d.ago[0], d.ago[1]);
    const r = await receiveOrder(deps, hotline.actor, at, {
      source: 'hotline_12345',
      externalNo: d.externalNo,
      type: d.type,
      title: d.title,
      content: d.content,
      citizenName: d.name,
      citizenPhone: d.phone,
      receivedAt: at,
    });
    if (r.duplicate || d.to === 'received' || !d.department) continue;
    await dispatchOrder(deps, hotline.p, hotline.actor, later(at, 25), r.id, {
      departmentId: depts.get(d.department)!,
      coDepartmentIds: [],
    });
    if (d.to === 'dispatched') continue;
    const staff = await demoStaff(db, staffOf[d.department]);
    if (!staff) continue;
    await acceptOrder(deps, staff.p, staff.actor, later(at, 60), r.id);
    if (d.to === 'handling' || !d.reply) continue;
    await replyOrder(deps, staff.p, staff.actor, later(at, 60 * 20), r.id, {
      reply: d.reply.text,
      resolved: d.reply.resolved,
    });
    if (d.to === 'replied' || !d.satisfaction) continue;
    await callBackCitizen(deps, hotline.p, hotline.actor, later(at, 60 * 26), r.id, {
      satisfaction: d.satisfaction,
      note: '市民表示满意',
    });
    await closeOrder(deps, hotline.p, hotline.actor, later(at, 60 * 27), r.id);
  }
  await seedDemoWindowRecord(deps, now, cal, window1, hotline, depts.get('water-resources'));
}

/** One offline 办不成事 window record, dispatched to 水资源管理处 and replied (its annex 6 has every box filled). */
async function seedDemoWindowRecord(
  deps: { db: Db; workingTime: WorkingTimeService },
  now: Date,
  cal: HolidayCalendar,
  window1: NonNullable<Awaited<ReturnType<typeof demoStaff>>>,
  hotline: NonNullable<Awaited<ReturnType<typeof demoStaff>>>,
  waterResources: string | undefined,
): Promise<void> {
  const water = await demoStaff(deps.db, 'water1');
  if (!waterResources || !water) return;
  // claimed by a counter (as the phone forms' demo is): a restart or a second node starting at the
  // same moment adds nothing (a check for the record, then its insert, let both nodes add one)
  if ((await nextCounter(deps.db, 'demo:window-record')) !== 1) return;
  const at = workingDaysAgo(cal, now, 1, '10:30');
  const r = await recordWindowReport(deps, window1.p, window1.actor, at, {
    reporterName: '刘建国',
    phone: '13661620007',
    reportedAt: at.toISOString(),
    matter: '取水许可证延续',
    problem: '网上提交取水许可证延续申请时系统提示“材料不全”，但办事指南没有写明还缺哪些材料，来回跑了两次没办成。',
  });
  await dispatchOrder(deps, hotline.p, hotline.actor, new Date(at.getTime() + 30 * 60_000), r.id, {
    departmentId: waterResources,
    coDepartmentIds: [],
  });
  await acceptOrder(deps, water.p, water.actor, new Date(at.getTime() + 60 * 60_000), r.id);
  await replyOrder(deps, water.p, water.actor, new Date(at.getTime() + 4 * 60 * 60_000), r.id, {
    reply:
      '已电话联系刘先生，说明延续需补充近三年取水量统计表；已协助其网上补正，申请已受理。办事指南已补充该材料说明。',
    resolved: true,
    handlerName: '李强',
    handlerPhone: '021-63210003',
  });
}
