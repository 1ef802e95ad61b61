import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/test-app.js';
import { MAX_IMPORT_ROWS } from './read-import.js';

/** An XLSX file in the import template's shape with `n` data rows. */
async function bigSheet(n: number, headers = ['标准问题', '答复口径', '分类', '编号']): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('知识库');
  ws.addRow(headers);
  for (let i = 0; i < n; i++)
    ws.addRow(
      [`取水许可问题${i}`, `答复口径第${i}条，请携带材料到窗口办理。`, '水利', `big-${i}`].slice(0, headers.length),
    );
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

  /** How late /healthz answers while `work` runs, counted from when each probe was due (every 50 ms). */
  async function healthzLateness<T>(work: Promise<T>): Promise<{ result: T; worst: number; probes: number }> {
    let done = false;
    const watched = work.finally(() => {
      done = true;
    });
    const late: number[] = [];
    while (!done) {
      const due = performance.now() + 50;
      await new Promise((r) => setTimeout(r, 50)); // a blocked event loop delays the timer too
      expect((await t.client().get('/healthz')).statusCode).toBe(200);
      late.push(performance.now() - due);
    }
    return { result: await watched, worst: Math.max(...late), probes: late.length };
  }

  it('parses a big XLSX in a worker thread: /healthz stays fast while 15,000 rows are read', async () => {
    // no 答复口径 column: the whole sheet is parsed, then refused before anything is written
    const content = await bigSheet(15_000, ['标准问题', '分类', '编号']);
    const { result, worst, probes } = await healthzLateness(legal.post('/api/kb/import', { format: 'xlsx', content }));
    expect(result.statusCode).toBe(400);
    expect(result.json().error.messages.zh).toContain('答复口径');
    expect(probes).toBeGreaterThan(3);
    expect(worst).toBeLessThan(250);
  });

  it('refuses more than 20,000 rows with a clear 400, quickly and without stalling', async () => {
    const content = await bigSheet(MAX_IMPORT_ROWS + 5_000);
    const started = performance.now();
    const { result, worst } = await healthzLateness(legal.post('/api/kb/import', { format: 'xlsx', content }));
    expect(result.statusCode).toBe(400);
    expect(result.json().error.details).toMatchObject({ maxRows: MAX_IMPORT_ROWS });
    expect(result.json().error.message).toContain('20000');
    expect(worst).toBeLessThan(250);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('refuses a file over 10 MB, saying so', async () => {
    const content = Buffer.alloc(10 * 1024 * 1024 + 1, 'a').toString('base64');
    const res = await legal.post('/api/kb/import', { format: 'jsonl', content });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.messages.en).toContain('10 MB');
  });
});
