import { useState, type ReactNode } from 'react';
import { Grid, Pagination, Table, Tag } from 'antd';
import { pick, useLang, useT } from '../i18n/index.js';
import { formatDateTime } from '../shared/format.js';
import { useDepartments } from '../shared/useDepartments.js';
import type { TImportRowReport } from '../../../src/contracts/work-order-import.js';
import { IMPORT_ROW_OUTCOME_LABELS } from '../../../src/contracts/enums/work-order-import.js';
import { WORK_ORDER_TYPE_LABELS } from '../../../src/contracts/enums/work-orders.js';
import './import-report.css';

const OUTCOME_COLORS: Record<TImportRowReport['outcome'], string> = {
  new: 'blue',
  exists: 'default',
  invalid: 'error',
  created: 'success',
};
const PAGE = 50;

/** How each part of a row reads, the same in the table and on a card. */
function useRowParts() {
  const t = useT();
  const { lang } = useLang();
  const depts = useDepartments();
  return {
    outcome: (r: TImportRowReport) => (
      <Tag color={OUTCOME_COLORS[r.outcome]}>{pick(IMPORT_ROW_OUTCOME_LABELS[r.outcome], lang)}</Tag>
    ),
    problems: (r: TImportRowReport) =>
      r.errors.length ? (
        <ul className="import-problems">
          {r.errors.map((e, i) => (
            <li key={i}>
              {pick(e.fieldLabel, lang)}：{pick(e.message, lang)}
            </li>
          ))}
        </ul>
      ) : (
        '—'
      ),
    externalNo: (r: TImportRowReport) => (
      <>
        {r.externalNo ?? '—'}
        {r.orderNumber && <div className="import-sub">{r.orderNumber}</div>}
      </>
    ),
    title: (r: TImportRowReport) => (
      <>
        {r.title ?? '—'}
        {r.type && <div className="import-sub">{pick(WORK_ORDER_TYPE_LABELS[r.type], lang)}</div>}
      </>
    ),
    callTime: (r: TImportRowReport) => (r.receivedAt ? formatDateTime(r.receivedAt, lang) : '—'),
    citizen: (r: TImportRowReport) => (
      <>
        {r.citizenName ?? '—'}
        {r.citizenPhone && <div className="import-sub">{r.citizenPhone}</div>}
      </>
    ),
    unit: (r: TImportRowReport) => (r.departmentId ? depts.nameOf(r.departmentId) : (r.unit ?? '—')),
    label: {
      row: t('orders.import.row'),
      result: t('orders.import.result'),
      problems: t('orders.import.problems'),
      externalNo: t('orders.import.externalNo'),
      title: t('orders.titleCol'),
      callTime: t('orders.import.callTime'),
      citizen: t('orders.citizen'),
      unit: t('orders.import.unit'),
    },
  };
}

/**
 * The per-row report of a 12345 import (preview or result): a table on a wide screen; on a phone a
 * list of cards, one per row, with its problems written out in full (nothing cut at the edge, no
 * sideways scrolling).
 */
export function ImportReport({ rows }: { rows: TImportRowReport[] }) {
  const wide = Grid.useBreakpoint().md;
  const p = useRowParts();
  const cell = (f: (r: TImportRowReport) => ReactNode) => (_: unknown, r: TImportRowReport) => f(r);
  if (!wide) return <ImportCards rows={rows} />;
  return (
    <Table<TImportRowReport>
      rowKey="row"
      size="small"
      dataSource={rows}
      pagination={{ pageSize: PAGE, hideOnSinglePage: true, showSizeChanger: false }}
      scroll={{ x: 1000 }}
      data-testid="import-report"
      columns={[
        { title: p.label.row, dataIndex: 'row', width: 60 },
        { title: p.label.result, key: 'outcome', width: 90, render: cell(p.outcome) },
        { title: p.label.problems, key: 'errors', width: 260, render: cell(p.problems) },
        { title: p.label.externalNo, key: 'externalNo', width: 140, render: cell(p.externalNo) },
        { title: p.label.title, key: 'title', width: 200, render: cell(p.title) },
        { title: p.label.callTime, key: 'receivedAt', width: 140, render: cell(p.callTime) },
        { title: p.label.citizen, key: 'citizen', width: 120, render: cell(p.citizen) },
        { title: p.label.unit, key: 'unit', width: 120, render: cell(p.unit) },
      ]}
    />
  );
}

function ImportCards({ rows }: { rows: TImportRowReport[] }) {
  const p = useRowParts();
  const [page, setPage] = useState(1);
  const shown = rows.slice((page - 1) * PAGE, page * PAGE);
  // a field the row has no value for is left off its card (a bad row shows its problems, not dashes)
  const fields: [string, (r: TImportRowReport) => ReactNode, (r: TImportRowReport) => unknown][] = [
    [p.label.externalNo, p.externalNo, (r) => r.externalNo],
    [p.label.title, p.title, (r) => r.title],
    [p.label.callTime, p.callTime, (r) => r.receivedAt],
    [p.label.citizen, p.citizen, (r) => r.citizenName ?? r.citizenPhone],
    [p.label.unit, p.unit, (r) => r.departmentId ?? r.unit],
  ];
  return (
    <>
      <ol className="import-cards" data-testid="import-report">
        {shown.map((r) => (
          <li key={r.row} className={`import-card import-card-${r.outcome}`} data-testid={`import-row-${r.row}`}>
            <div className="import-card-head">
              <span>
                {p.label.row} {r.row}
              </span>
              {p.outcome(r)}
            </div>
            {r.errors.length > 0 && p.problems(r)}
            <dl className="import-card-fields">
              {fields
                .filter(([, , has]) => has(r))
                .map(([label, show]) => (
                  <div key={label}>
                    <dt>{label}</dt>
                    <dd>{show(r)}</dd>
                  </div>
                ))}
            </dl>
          </li>
        ))}
      </ol>
      {rows.length > PAGE && (
        <Pagination simple size="small" current={page} pageSize={PAGE} total={rows.length} onChange={setPage} />
      )}
    </>
  );
}
