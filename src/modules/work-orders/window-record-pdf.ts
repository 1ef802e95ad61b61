import { renderFormTable, type FormTable } from '../../platform/pdf/form-table.js';
import { chineseDateTime, yesNo } from '../../platform/pdf/form-text.js';
import type { OrderRow } from './work-orders.repo.js';

/** What annex 6 shows besides the order: names the order row holds only as ids. */
export interface WindowRecordNames {
  /** 承办部门 */
  department: string | null;
  /** the full phone number (printing it is audited like a reveal) */
  phone: string | null;
}

/**
 * Annex 6 (《“办不成事”反映窗口处理记录单》) with the order's values, box by box as on the paper
 * form: the window's part (反映人, 联系方式, 反映时间, 受理人员, 反映问题) and the handling
 * department's (承办部门, 承办人, 核实处置情况, 问题是否解决, 未解决原因, 办结时间); the
 * signatures stay blank to be signed by hand.
 */
export function windowRecordLayout(o: OrderRow, names: WindowRecordNames): FormTable {
  const d = JSON.parse(o.details) as {
    reporterName?: string;
    reportedAt?: string;
    acceptedBy?: string;
    matter?: string | null;
  };
  const problem = d.matter ? `事项：${d.matter}\n${o.content}` : o.content;
  return {
    title: '“办不成事”反映窗口处理记录单',
    header: { left: `编号：${o.number}` },
    rows: [
      [
        { label: '反映人', value: d.reporterName ?? o.citizen_name ?? '' },
        { label: '联系方式', value: names.phone ?? '' },
        { label: '反映时间', value: chineseDateTime(d.reportedAt ?? o.received_at) },
      ],
      [
        { label: '受理人员', value: d.acceptedBy ?? '' },
        { label: '承办部门', value: names.department ?? '' },
        { label: '承办人', value: o.handler_name ?? '' },
      ],
      [{ label: '反映问题', value: problem, minHeight: 120 }],
      [{ label: '核实处置情况', value: o.reply ?? '', minHeight: 160 }],
      [
        { label: '问题是否\n解决', value: yesNo(o.resolved === null ? null : o.resolved === 1) },
        { label: '未解决原因', value: o.unresolved_reason ?? '' },
      ],
      [
        { label: '承办人签字', value: '', minHeight: 40 },
        { label: '承办人\n联系方式', value: o.handler_phone ?? '' },
      ],
      [
        { label: '办结时间', value: chineseDateTime(o.replied_at), minHeight: 40 },
        { label: '承办部门分管\n领导签字', value: '' },
      ],
    ],
  };
}

/** The printable PDF of one window record. */
export function windowRecordPdf(o: OrderRow, names: WindowRecordNames, opts?: { compress?: boolean }): Promise<Buffer> {
  return renderFormTable(windowRecordLayout(o, names), opts);
}
