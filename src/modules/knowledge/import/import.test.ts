import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/test-app.js';
import { readXlsx, XLSX_COLUMNS } from './xlsx-format.js';

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');
const jsonl = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n');
const count = async (t: TestApp) =>
  Number(
    (
      await t.ctx.db
        .selectFrom('kb_entries')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const entry = (id: string, over: object = {}) => ({
  id,
  question: `问题${id}`,
  similar: [`相似${id}`],
  answer: `答复${id}`,
  category: '水利',
  department: 'water-resources',
  tags: ['导入'],
  ...over,
});

describe('KB import / export', () => {
  let t: TestApp;
  let water: TestClient;
  let legal: TestClient;
  beforeAll(async () => {
    t = await createTestApp();
    [water, legal] = await Promise.all([t.as('water1'), t.as('legal1')]);
  });
  afterAll(async () => {
    await t.close();
  });

  it('rejects a bad file with a per-row report and imports nothing', async () => {
    const before = await count(t);
    const file = [
      JSON.stringify(entry('imp-ok-1')),
      '{"id": "broken", ',
      JSON.stringify({ id: 'imp-2', question: '缺答复' }),
      JSON.stringify(entry('imp-3', { matter: 'NO-SUCH-MATTER' })),
      JSON.stringify(entry('imp-4', { category: '航天' })),
      JSON.stringify(entry('imp-5', { department: 'drainage' })),
      JSON.stringify(entry('imp-ok-1')),
    ].join('\n');
    const res = await water.post('/api/kb/import', { format: 'jsonl', content: b64(file), mode: 'draft' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    const rows = res.json().error.details.rows as {
      row: number;
      field: string | null;
      message: { zh: string; en: string };
    }[];
    expect(rows.map((r) => r.row)).toEqual(expect.arrayContaining([2, 3, 7]));
    expect(rows.every((r) => r.message.zh && r.message.en)).toBe(true);
    expect(await count(t)).toBe(before);
    // the catalogue and scope checks come after the format is clean
    const res2 = await water.post('/api/kb/import', {
      format: 'jsonl',
      content: b64(
        jsonl([
          entry('imp-ok-1'),
          entry('imp-3', { matter: 'NO-SUCH' }),
          entry('imp-4', { category: '航天' }),
          entry('imp-5', { department: 'drainage' }),
        ]),
      ),
    });
    expect(res2.statusCode).toBe(400);
    expect(res2.json().error.details.rows.map((r: { row: number; field: string }) => [r.row, r.field])).toEqual([
      [2, 'matter'],
      [3, 'category'],
      [4, 'department'],
    ]);
    expect(await count(t)).toBe(before);
  });

  it('imports drafts for the editor’s department; re-importing the same codes updates instead of duplicating', async () => {
    const before = await count(t);
    const first = await water.post('/api/kb/import', {
      format: 'jsonl',
      content: b64(jsonl([entry('imp-a'), entry('imp-b'), entry('imp-c', { department: undefined })])),
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ total: 3, created: 3, updated: 0 });
    const again = await water.post('/api/kb/import', {
      format: 'jsonl',
      content: b64(jsonl([entry('imp-a', { answer: '<p>新答复<script>x</script></p>' }), entry('imp-b')])),
    });
    expect(again.json()).toMatchObject({ total: 2, created: 0, updated: 2 });
    expect(await count(t)).toBe(before + 3);
    const a = await t.ctx.db.selectFrom('kb_entries').selectAll().where('code', '=', 'imp-a').executeTakeFirstOrThrow();
    expect(a).toMatchObject({ answer: '<p>新答复</p>', status: 'draft', live_version: 0 });
    expect(
      (await t.ctx.db.selectFrom('events').select('data').where('type', '=', 'kb.imported').execute()).length,
    ).toBe(2);
    expect(
      (await water.post('/api/kb/import', { format: 'jsonl', content: b64(jsonl([entry('imp-a')])), mode: 'publish' }))
        .statusCode,
    ).toBe(403);
  });

  it('a reviewer imports and publishes: versions are written, a re-import publishes version 2', async () => {
    const r1 = await legal.post('/api/kb/import', {
      format: 'jsonl',
      content: b64(jsonl([entry('imp-p1', { department: 'drainage', category: '排水' }), entry('imp-a')])),
      mode: 'publish',
    });
    expect(r1.json()).toMatchObject({ created: 1, updated: 1, published: 2 });
    const r2 = await legal.post('/api/kb/import', {
      format: 'jsonl',
      content: b64(jsonl([entry('imp-p1', { department: 'drainage', category: '排水', answer: '第二版' })])),
      mode: 'publish',
    });
    expect(r2.json()).toMatchObject({ updated: 1, published: 1 });
    const e = await t.ctx.db
      .selectFrom('kb_entries')
      .selectAll()
      .where('code', '=', 'imp-p1')
      .executeTakeFirstOrThrow();
    expect(e).toMatchObject({ status: 'published', live_version: 2 });
    const vs = await t.ctx.db
      .selectFrom('kb_versions')
      .select(['version', 'answer'])
      .where('entry_id', '=', e.id)
      .orderBy('version')
      .execute();
    expect(vs).toEqual([
      { version: 1, answer: '<p>答复imp-p1</p>' },
      { version: 2, answer: '<p>第二版</p>' },
    ]);
  });

  it('offers an XLSX template with the Chinese headers, and an XLSX export re-imports as updates', async () => {
    const tpl = await water.get('/api/kb/import/template');
    expect(tpl.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer);
    expect((wb.worksheets[0].getRow(1).values as string[]).slice(1)).toEqual(XLSX_COLUMNS.map((c) => c.header));

    const exp = await water.get(
      '/api/kb/export?format=xlsx&category=' + encodeURIComponent('水利') + '&status=published',
    );
    expect(exp.statusCode).toBe(200);
    const n = Number(exp.headers['x-entry-count']);
    expect(n).toBeGreaterThan(3);
    const sheet = await readXlsx(exp.rawPayload);
    expect(sheet.rows.length).toBe(n);
    const before = await count(t);
    const back = await legal.post('/api/kb/import', {
      format: 'xlsx',
      content: exp.rawPayload.toString('base64'),
      mode: 'draft',
    });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ total: n, created: 0, updated: n });
    expect(await count(t)).toBe(before);
    const codes = sheet.rows.map((r) => r.data.id!);
    const again = await t.ctx.db
      .selectFrom('kb_entries')
      .select(['status', 'live_version', 'similar'])
      .where('code', 'in', codes)
      .execute();
    expect(again.every((x) => x.status === 'draft' && x.live_version >= 1)).toBe(true);
    expect(again.some((x) => JSON.parse(x.similar).length > 1)).toBe(true);
  });

  it('reports bad XLSX rows by sheet row', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('x');
    ws.addRow(XLSX_COLUMNS.map((c) => c.header));
    ws.addRow(['排水许可怎么办？', '排水证｜排水许可证', '到窗口办理', '', '排水', '排水处', '', 'x-1']);
    ws.addRow(['', '', '没有问题', '', '排水', '排水处', '', 'x-2']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await legal.post('/api/kb/import', { format: 'xlsx', content: buf.toString('base64') });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.rows[0]).toMatchObject({ row: 3, field: 'question' });
  });

  it('imports 10,000 entries in one transaction within seconds, and exports them again', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) =>
      entry(`bulk-${String(i).padStart(5, '0')}`, {
        question: `第${i}号：取水许可证变更登记需要提交哪些材料？`,
        similar: [`取水证变更${i}`, `变更取水许可${i}怎么办`],
        answer: `答复口径第${i}条：请通过一网通办提交申请。\n办理时限为 20 个工作日。`,
      }),
    );
    const started = performance.now();
    const res = await legal.post('/api/kb/import', { format: 'jsonl', content: b64(jsonl(rows)), mode: 'draft' });
    const ms = Math.round(performance.now() - started);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.json()).toMatchObject({ total: 10_000, created: 10_000 });
    console.log(
      `[kb import] 10,000 entries: ${ms} ms end-to-end (${res.json().ms} ms in the use case) on ${process.env.BANGBAN_TEST_DB ?? 'sqlite'}`,
    );
    expect(ms).toBeLessThan(20_000);
    const exp = await legal.get('/api/kb/export?format=jsonl&q=bulk-');
    expect(Number(exp.headers['x-entry-count'])).toBe(10_000);
  }, 120_000);
});
