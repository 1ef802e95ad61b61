import { renderFormTable, type FormTable } from '../../platform/pdf/form-table.js';
import { box, chineseDate } from '../../platform/pdf/form-text.js';
import { shanghaiDate, shanghaiTime } from '../../platform/calendar/index.js';
import { PHONE_CALL_TYPES, PHONE_CALL_TYPE_LABELS } from '../../contracts/enums/phone.js';
import type { TPhoneForm } from '../../contracts/phone.js';

/** Annex 3 (电话咨询答复流转单) with the form's values: the same boxes in the same order. */
export function phoneFormLayout(f: TPhoneForm, windowPhone: string | null): FormTable {
  const due = new Date(f.dueAt);
  const types = PHONE_CALL_TYPES.map((t) => `${box(f.type === t)}${PHONE_CALL_TYPE_LABELS[t].zh}`).join('    ');
  const answered = f.answered === null ? '是  否  已答复' : `${box(f.answered)}是  ${box(!f.answered)}否  已答复`;
  const reply = [
    answered,
    f.reply ?? '',
    '',
    `经办人：${f.handlerName ?? ''}    部门负责人：${f.headName ?? ''}    日期：${f.replyOn ? chineseDate(f.replyOn) : ''}`,
  ].join('\n');
  const kb =
    f.kbUpdated === false
      ? `未更新至知识库。原因：${f.noKbReason ?? ''}`
      : `${box(!!f.kbUpdated)}已更新至知识库，入库日期：${chineseDate(f.kbEntryOn)}。`;
  return {
    title: '电话咨询答复流转单',
    header: { left: `编号：${f.number}`, right: `制表日期：${chineseDate(f.createdOn)}` },
    rows: [
      [{ label: '咨询类型', value: types }],
      [
        { label: '咨询人', value: f.callerName },
        { label: '联系电话', value: f.phone },
      ],
      [
        { label: '承办部门', value: f.department.name.zh },
        {
          label: '办理时限',
          value: `1个工作日\n（${chineseDate(shanghaiDate(due))}${shanghaiTime(due)}前）`,
        },
      ],
      [{ label: '咨询内容', value: f.content + (f.matter ? `\n（事项：${f.matter.name}）` : ''), minHeight: 110 }],
      [{ label: '答复口径\n（承办部门填写）', value: reply, minHeight: 200 }],
      [{ label: '知识库更新情况\n（政务服务窗口填写）', value: kb, minHeight: 70 }],
    ],
    footer: [`窗口联系人：${f.windowContact ?? ''}        联系电话：${windowPhone ?? ''}`],
  };
}

/** The printable PDF of one form. */
export function phoneFormPdf(
  f: TPhoneForm,
  windowPhone: string | null,
  opts?: { compress?: boolean },
): Promise<Buffer> {
  return renderFormTable(phoneFormLayout(f, windowPhone), opts);
}
