import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.js';
import { HOTLINE_IMPORT_LIMITS } from './import/hotline-sheet.js';

/** An export as the 12345 system writes it: Chinese headers (in its own order), one order a row. */
async function exportFile(rows: (string | Date | number | null)[][], headers?: string[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('工单');
  ws.addRow(headers ?? ['工单编号', '诉求类型', '来电时间', '标题', '诉求内容', '来电人', '联系电话', '承办单位']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

const GOOD = [
  [
    'SH2611240001',
    '投诉',
    '2026-11-24 09:15',
    '小区自来水浑浊',
    '市民反映小区自来水发黄浑浊已两天。',
    '王女士',
    '13912345678',
    '上海市水务局',
  ],
  [
    'SH2611240002',
    '咨询',
    new Date(Date.UTC(2026, 10, 24, 14, 30)),
    '取水许可',
    '咨询取水许可证延续需要哪些材料。',
    '李先生',
    '021-63211234',
    '水资源处',
  ],
  ['SH2611240003', '求助', '2026/11/24 16:05', '', '道路积水严重，雨水井堵塞，请尽快疏通。', '', '', '排水处'],
];

/** Wednesday 2026-11-25 10:00 Shanghai. */
describe('import of the 12345 hotline export: preview, per-row report, good rows only, idempotent', () => {
  let t: TestApp;
  let hotline: TestClient;
  const orders = async () =>
    Number(
      (
        await t.ctx.db
          .selectFrom('work_orders')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await createTestApp({ now: '2026-11-25T02:00:00Z' });
    hotline = await t.as('hotline1');
  });
  afterAll(async () => {
    await t.close();
  });

  it('previews a good file without storing anything, then imports every row through the intake', async () => {
    const content = await exportFile(GOOD);
    const before = await orders();
    const pre = await hotline.post('/api/work-orders/import/preview', { content });
    expect(pre.statusCode, pre.body).toBe(200);
    const p = pre.json();
    expect(p).toMatchObject({ imported: false, counts: { total: 3, new: 3, invalid: 0, exists: 0 } });
    expect(p.rows[0]).toMatchObject({
      row: 2,
      externalNo: 'SH2611240001',
      type: 'complaint',
      citizenPhone: '139****5678',
      outcome: 'new',
    });
    // a date cell is the wall-clock time the sheet shows, in Beijing time
    expect(p.rows[1]).toMatchObject({ receivedAt: '2026-11-24T06:30:00.000Z', type: 'consultation' });
    // 承办单位 names a department when it matches one (水资源处 = 水资源管理处); the bureau itself stays text
    const dept = await t.ctx.db.selectFrom('departments').select(['id', 'code']).execute();
    const id = (code: string) => dept.find((d) => d.code === code)!.id;
    expect(p.rows[1].departmentId).toBe(id('water-resources'));
    expect(p.rows[2]).toMatchObject({ departmentId: id('drainage'), title: '道路积水严重，雨水井堵塞，请尽快疏通。' });
    expect(p.rows[0].departmentId).toBeNull();
    expect(await orders()).toBe(before);

    const res = await hotline.post('/api/work-orders/import', { content });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ imported: true, counts: { created: 3, exists: 0, invalid: 0 } });
    expect(await orders()).toBe(before + 3);
    const o = await t.ctx.db
      .selectFrom('work_orders')
      .selectAll()
      .where('external_no', '=', 'SH2611240001')
      .executeTakeFirstOrThrow();
    // received Tue 2026-11-24 09:15: a complaint's 5 working days run from the call, not from the import
    expect(o).toMatchObject({
      source: 'hotline_12345',
      type: 'complaint',
      status: 'received',
      received_at: '2026-11-24T01:15:00.000Z',
      due_at: '2026-12-01T09:00:00.000Z',
      number: r.rows[0].orderNumber,
    });
    const received = await t.ctx.db
      .selectFrom('events')
      .select('actor_label')
      .where('subject_id', '=', o.id)
      .where('type', '=', 'work_order.received')
      .execute();
    expect(received).toHaveLength(1);
  });

  it('importing the same file again creates nothing and says which rows already existed', async () => {
    const content = await exportFile([
      ...GOOD,
      [
        'SH2611240004',
        '建议',
        '2026-11-25 08:00',
        '建议增设水质公示',
        '建议在小区公告栏公示水质检测结果。',
        '赵先生',
        '13700001111',
        '',
      ],
    ]);
    const before = await orders();
    const pre = (await hotline.post('/api/work-orders/import/preview', { content })).json();
    expect(pre.counts).toMatchObject({ new: 1, exists: 3 });
    expect(pre.rows[0]).toMatchObject({ outcome: 'exists', orderNumber: expect.stringMatching(/^GD2026/) });
    const r = (await hotline.post('/api/work-orders/import', { content })).json();
    expect(r.counts).toMatchObject({ created: 1, exists: 3 });
    expect(await orders()).toBe(before + 1);
    expect((await hotline.post('/api/work-orders/import', { content })).json().counts).toMatchObject({
      created: 0,
      exists: 4,
    });
    expect(await orders()).toBe(before + 1);
  });

  it('reports every bad row by row, field and reason; refuses the file unless asked to import the good rows only', async () => {
    const content = await exportFile(
      [
        ['SH2611250001', '咨询', '2026-11-25 09:00', '水费', '水费阶梯价格怎么计算？', '钱女士', '13600002222', ''],
        ['', '表扬', '昨天下午', '', '', '', '12345', ''],
        ['SH2611250001', '投诉', '2026-12-30 09:00', '重复', '重复的工单编号。', '', '', ''],
        [
          'SH2611250003',
          '求助',
          '2026-11-25 09:30',
          '井盖缺失',
          '人行道井盖缺失，存在安全隐患。',
          '周先生',
          '13500003333',
          '',
        ],
      ],
      // the export's columns in another order, under older header names
      ['工单号', '工单类型', '受理时间', '诉求标题', '问题描述', '联系人', '来电号码', '承办部门'],
    );
    const before = await orders();
    const pre = (await hotline.post('/api/work-orders/import/preview', { content })).json();
    expect(pre.counts).toMatchObject({ total: 4, new: 2, invalid: 2 });
    const bad = pre.rows.find((r: { row: number }) => r.row === 3);
    expect(bad.outcome).toBe('invalid');
    expect(bad.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'citizenPhone',
      'content',
      'externalNo',
      'receivedAt',
      'type',
    ]);
    expect(bad.errors.find((e: { field: string }) => e.field === 'type')).toMatchObject({
      fieldLabel: { zh: '诉求类型', en: 'Type' },
      message: { zh: expect.stringContaining('表扬'), en: expect.stringContaining('表扬') },
    });
    const dup = pre.rows.find((r: { row: number }) => r.row === 4);
    expect(dup.errors.map((e: { message: { zh: string } }) => e.message.zh)).toEqual(
      expect.arrayContaining(['工单编号与第2行重复', '来电时间晚于当前时间']),
    );
    expect(await orders()).toBe(before);

    const refused = await hotline.post('/api/work-orders/import', { content });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.messages.zh).toContain('仅导入无误的行');
    expect(refused.json().error.details.invalidRows).toEqual([3, 4]);
    expect(await orders()).toBe(before);

    const r = (await hotline.post('/api/work-orders/import', { content, goodRowsOnly: true })).json();
    expect(r.counts).toMatchObject({ created: 2, invalid: 2 });
    expect(r.rows.map((x: { row: number; outcome: string }) => [x.row, x.outcome])).toEqual([
      [2, 'created'],
      [3, 'invalid'],
      [4, 'invalid'],
      [5, 'created'],
    ]);
    expect(await orders()).toBe(before + 2);
  });

  it('judges the file by its content: a PDF, a CSV or an old .xls named .xlsx is refused; so is a file without the columns', async () => {
    for (const fake of [
      Buffer.from('%PDF-1.7\n1 0 obj\n'),
      Buffer.from('工单编号,诉求类型\nSH1,投诉\n'),
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(100)]),
    ]) {
      const res = await hotline.post('/api/work-orders/import/preview', { content: fake.toString('base64') });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.messages.zh).toMatch(/不是 Excel 工作簿|旧版 Excel/);
    }
    const noColumns = await exportFile([['a', 'b']], ['姓名', '备注']);
    const res = await hotline.post('/api/work-orders/import/preview', { content: noColumns });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.messages.zh).toContain('表头缺少：工单编号、来电时间、诉求类型、诉求内容');
  });

  it(`refuses more than ${HOTLINE_IMPORT_LIMITS.maxRows} rows, and files over 5 MB, saying so`, async () => {
    const rows = Array.from({ length: HOTLINE_IMPORT_LIMITS.maxRows + 1 }, (_, i) => [
      `SH-MANY-${i}`,
      '咨询',
      '2026-11-24 10:00',
      '咨询',
      '咨询内容',
      '',
      '',
      '',
    ]);
    const res = await hotline.post('/api/work-orders/import/preview', { content: await exportFile(rows) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toMatchObject({ maxRows: HOTLINE_IMPORT_LIMITS.maxRows });
    expect(res.json().error.messages.zh).toContain(`一次最多导入 ${HOTLINE_IMPORT_LIMITS.maxRows} 行`);
    const big = Buffer.alloc(HOTLINE_IMPORT_LIMITS.maxBytes + 1, 'a').toString('base64');
    const tooBig = await hotline.post('/api/work-orders/import/preview', { content: big });
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json().error.messages.en).toContain('5 MB');
  });

  it('only the hotline office imports', async () => {
    const content = await exportFile(GOOD);
    for (const u of ['water1', 'window1', 'office1'])
      expect((await (await t.as(u)).post('/api/work-orders/import/preview', { content })).statusCode).toBe(403);
  });
});
