import { atShanghai } from '../../../platform/calendar/index.js';
import type { Bilingual } from '../../../platform/errors.js';
import { normaliseMainlandPhone } from '../../../platform/privacy/phone.js';
import type { ImportLimits } from '../../../platform/spreadsheet/import-limits.js';
import type { SheetColumn } from '../../../platform/spreadsheet/read-sheet.js';
import { WORK_ORDER_TYPE_LABELS, WORK_ORDER_TYPES, type WorkOrderType } from '../../../contracts/enums/work-orders.js';
import type { HotlineField } from '../../../contracts/enums/work-order-import.js';

/**
 * One 12345 export file: at most 2,000 orders (each goes through the intake on its own) and 5 MB.
 * The limits and their checks are the shared import mechanism (platform/spreadsheet) the KB uses.
 */
export const HOTLINE_IMPORT_LIMITS: ImportLimits = { maxBytes: 5 * 1024 * 1024, maxRows: 2_000 };

/** The columns of the 12345 hotline's export, by the headers it uses (and a few it used before). */
export const HOTLINE_COLUMNS: readonly (SheetColumn & { key: HotlineField; label: Bilingual; required: boolean })[] = [
  {
    key: 'externalNo',
    headers: ['工单编号', '工单号', '12345工单编号', '热线工单号', '编号'],
    label: { zh: '工单编号', en: '12345 order number' },
    required: true,
  },
  {
    key: 'receivedAt',
    headers: ['来电时间', '受理时间', '来电日期', '登记时间', '派单时间'],
    label: { zh: '来电时间', en: 'Call time' },
    required: true,
  },
  {
    key: 'type',
    headers: ['诉求类型', '工单类型', '诉求分类', '类型'],
    label: { zh: '诉求类型', en: 'Type' },
    required: true,
  },
  {
    key: 'title',
    headers: ['标题', '诉求标题', '工单标题', '主题'],
    label: { zh: '标题', en: 'Title' },
    required: false,
  },
  {
    key: 'content',
    headers: ['诉求内容', '来电内容', '工单内容', '问题描述', '内容'],
    label: { zh: '诉求内容', en: 'Content' },
    required: true,
  },
  {
    key: 'citizenName',
    headers: ['来电人', '来电人姓名', '市民姓名', '联系人', '姓名'],
    label: { zh: '来电人', en: 'Caller' },
    required: false,
  },
  {
    key: 'citizenPhone',
    headers: ['联系电话', '来电号码', '联系方式', '电话'],
    label: { zh: '联系电话', en: 'Phone' },
    required: false,
  },
  {
    key: 'unit',
    headers: ['承办单位', '承办部门', '处理单位', '主办单位'],
    label: { zh: '承办单位', en: 'Handling unit' },
    required: false,
  },
];

export const fieldLabel = (key: HotlineField): Bilingual => HOTLINE_COLUMNS.find((c) => c.key === key)!.label;

/** 12345's words for its kinds of order, mapped to ours (our own labels and codes count too). */
const TYPE_ALIASES: Record<string, WorkOrderType> = {
  举报: 'complaint',
  投诉举报: 'complaint',
  意见建议: 'suggestion',
  意见: 'suggestion',
  求助: 'help_request',
  求助类: 'help_request',
  咨询类: 'consultation',
  复杂件: 'complex',
  办不成事: 'blocked_service',
};
export function orderTypeOf(text: string): WorkOrderType | null {
  const s = text.replace(/\s+/g, '').replace(/[“”"]/g, '');
  for (const t of WORK_ORDER_TYPES) {
    const l = WORK_ORDER_TYPE_LABELS[t];
    if (s === t || s === l.zh.replace(/[“”"]/g, '') || s.toLowerCase() === l.en.toLowerCase()) return t;
  }
  return TYPE_ALIASES[s] ?? null;
}

/**
 * A call time as the export writes it, in Beijing time: 2026-09-30 16:05(:00), 2026/9/30 16:05,
 * 2026年9月30日 16:05, or a bare date (read as 00:00). Null when it is none of these.
 */
export function callTimeOf(text: string): Date | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]+(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?)?$/.exec(
    text.trim(),
  );
  if (!m) return null;
  const [y, mo, d, h = '0', mi = '0'] = m.slice(1);
  const date = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const probe = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(probe.getTime()) || probe.toISOString().slice(0, 10) !== date || +h > 23 || +mi > 59) return null;
  return atShanghai(date, `${h.padStart(2, '0')}:${mi}`);
}

/** One row of the file, checked. */
export interface HotlineRow {
  row: number;
  externalNo: string | null;
  title: string | null;
  type: WorkOrderType | null;
  receivedAt: string | null;
  citizenName: string | null;
  citizenPhone: string | null;
  unit: string | null;
  departmentId: string | null;
  content: string | null;
  errors: { field: HotlineField; message: Bilingual }[];
}

const max = (s: string | undefined, n: number) => (s && s.length > n ? s.slice(0, n) : s);

/**
 * Checks every row of a 12345 export (pure: `now` and the departments passed in), collecting every
 * problem of every row at once: the 12345 number (required, once per file), the call time (a
 * time, not in the future), the type (one we know), the content; the phone, when given, must be a
 * number we can call. 承办单位 names a department when it matches one (else it is kept as text).
 */
export function checkHotlineRows(
  rows: { row: number; data: Record<string, string> }[],
  departments: Map<string, string>,
  now: Date,
): HotlineRow[] {
  const seen = new Map<string, number>();
  return rows.map(({ row, data }) => {
    const errors: HotlineRow['errors'] = [];
    const bad = (field: HotlineField, zh: string, en: string) => errors.push({ field, message: { zh, en } });
    const externalNo = data.externalNo ?? null;
    if (!externalNo) bad('externalNo', '缺少工单编号', 'the 12345 order number is missing');
    else if (externalNo.length > 64)
      bad('externalNo', '工单编号过长（最多64个字符）', 'the order number is over 64 characters');
    else if (seen.has(externalNo))
      bad(
        'externalNo',
        `工单编号与第${seen.get(externalNo)}行重复`,
        `the order number repeats row ${seen.get(externalNo)}`,
      );
    else seen.set(externalNo, row);

    let receivedAt: string | null = null;
    if (!data.receivedAt) bad('receivedAt', '缺少来电时间', 'the call time is missing');
    else {
      const at = callTimeOf(data.receivedAt);
      if (!at)
        bad(
          'receivedAt',
          `来电时间“${max(data.receivedAt, 30)}”无法识别，请写成 2026-09-30 16:05`,
          `the call time "${max(data.receivedAt, 30)}" is not a date and time like 2026-09-30 16:05`,
        );
      else if (at > now) bad('receivedAt', '来电时间晚于当前时间', 'the call time is in the future');
      else receivedAt = at.toISOString();
    }

    const type = data.type ? orderTypeOf(data.type) : null;
    if (!data.type) bad('type', '缺少诉求类型', 'the type is missing');
    else if (!type)
      bad(
        'type',
        `诉求类型“${max(data.type, 20)}”无法识别（咨询、建议、求助、投诉、举报等）`,
        `unknown type "${max(data.type, 20)}" (consultation, suggestion, help request, complaint …)`,
      );

    const content = data.content ?? null;
    if (!content || content.length < 2) bad('content', '缺少诉求内容', 'the content is missing');
    else if (content.length > 4000)
      bad('content', '诉求内容过长（最多4000字）', 'the content is over 4,000 characters');

    const title = data.title ?? (content ? content.replace(/\s+/g, ' ').slice(0, 40) : null);
    if (title && title.length > 200) bad('title', '标题过长（最多200字）', 'the title is over 200 characters');
    if (title !== null && title.length < 2 && content) bad('title', '标题过短', 'the title is too short');

    let citizenPhone: string | null = null;
    if (data.citizenPhone) {
      citizenPhone = normaliseMainlandPhone(data.citizenPhone);
      if (!citizenPhone)
        bad(
          'citizenPhone',
          `联系电话“${max(data.citizenPhone, 20)}”不是有效的手机或带区号的固话`,
          `"${max(data.citizenPhone, 20)}" is not a mobile or a landline with area code`,
        );
    }
    const citizenName = data.citizenName ?? null;
    if (citizenName && citizenName.length > 40)
      bad('citizenName', '来电人姓名过长（最多40字）', 'the caller’s name is over 40 characters');

    const unit = data.unit ?? null;
    return {
      row,
      externalNo,
      title,
      type,
      receivedAt,
      citizenName,
      citizenPhone,
      unit,
      departmentId: unit ? (departments.get(departmentKey(unit)) ?? null) : null,
      content,
      errors,
    };
  });
}

/** A department's name as 12345 may write it: 水资源管理处 = 水资源处 = 市水务局水资源管理处. */
export function departmentKey(name: string): string {
  return name
    .replace(/\s+/g, '')
    .replace(/^(上海市水务局|市水务局|水务局|局)/, '')
    .replace('管理处', '处');
}
