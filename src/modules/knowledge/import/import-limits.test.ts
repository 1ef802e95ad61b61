import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/test-app.js';
import { MAX_IMPORT_ROWS } from './read-import.js';

/** An XLSX file in the import template's shape with `n` data rows. */
async function bigSheet(n: number): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('知识库');
  ws.addRow(['标准问题', '答复口径', '分类', '编号']);
  for (let i = 0; i < n; i++)
    ws.addRow([`取水许可问题${i}`, `答复口径第${i}条，请携带材料到窗口办理。`, '水利', `big-${i}`]);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

describe('import limits and a server that stays responsive', () => {
  let t: TestApp;
  let legal: TestClient;
  beforeAll(async () => {
    t = await createTestApp();
    legal = await t.as('legal1');
  });
  afterAll(async () => {
    await t.close();
  });

  it('parses a big XLSX off the event loop: /healthz answers fast meanwhile; over 20,000 rows is a clear 400', async () => {
    const content = await bigSheet(MAX_IMPORT_ROWS + 5_000);
    let done = false;
    const importing = legal.post('/api/kb/import', { format: 'xlsx', content }).finally(() => {
      done = true;
    });
    // How late /healthz answers, counted from when it was due (every 50 ms): a blocked event loop
    // delays the timer as well as the request.
    const latencies: number[] = [];
    while (!done) {
      const due = performance.now() + 50;
      await new Promise((r) => setTimeout(r, 50));
      expect((await t.client().get('/healthz')).statusCode).toBe(200);
      latencies.push(performance.now() - due);
    }
    const res = await importing;
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toMatchObject({ rowCount: MAX_IMPORT_ROWS + 5_000, maxRows: MAX_IMPORT_ROWS });
    expect(res.json().error.message).toContain('20000');
    expect(latencies.length).toBeGreaterThan(3);
    expect(Math.max(...latencies)).toBeLessThan(250);
  });

  it('refuses a file over 10 MB, saying so', async () => {
    const content = Buffer.alloc(10 * 1024 * 1024 + 1, 'a').toString('base64');
    const res = await legal.post('/api/kb/import', { format: 'jsonl', content });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.messages.en).toContain('10 MB');
  });
});
