import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.js';
import { DEMO_PASSWORD } from '../../modules/org/seed/demo-accounts.js';

/** A small deterministic generator, so a failing fuzz run can be repeated. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const CONTROLS = ['\u0000', '\u0001', '\u0008', '\u000b', '\u001b', '\u001f', '\u007f'];

describe('control characters are refused at the edge on every route', () => {
  let t: TestApp;
  let water: TestClient;
  let botToken: string;
  let citizen: TestClient;
  beforeAll(async () => {
    t = await createTestApp();
    water = await t.as('water1');
    citizen = t.client();
    botToken = (await citizen.post('/api/bot/sessions', { channel: 'portal' })).json().token;
  });
  afterAll(async () => {
    await t.close();
  });

  // each request from its own address, so the per-client rate limits of the public routes stay out of the way
  let n = 0;
  const bot = (url: string, json: object) =>
    citizen.request({
      method: 'POST',
      url,
      json,
      headers: { 'x-bot-token': botToken, 'x-csrf-token': '' },
      remoteAddress: `10.0.${Math.floor(++n / 250)}.${n % 250}`,
    });

  /** Representative routes: public and signed-in, body, query string and path parameter. */
  const routes: { field: string; send: (s: string) => ReturnType<TestClient['request']> }[] = [
    { field: 'body.question', send: (s) => bot('/api/bot/ask', { question: `水费怎么交${s}` }) },
    {
      field: 'body.name',
      send: (s) => bot('/api/bot/messages', { name: `张${s}三`, phone: '13812345678', question: '想咨询取水许可' }),
    },
    { field: 'querystring.q', send: (s) => t.client().get(`/api/matters?q=${encodeURIComponent(`取水${s}`)}`) },
    {
      field: 'body.answer',
      send: (s) =>
        water.post('/api/kb/entries', { question: '模糊测试问题', answer: `答复${s}`, category: '水利', similar: [] }),
    },
    {
      field: 'body.username',
      send: (s) => t.client().post('/api/auth/login', { username: `admin${s}`, password: 'x' }),
    },
    { field: 'params.id', send: (s) => water.get(`/api/kb/entries/${encodeURIComponent(`e${s}`)}`) },
  ];

  it('answers 400 VALIDATION_FAILED naming the field for NUL and other control characters', async () => {
    for (const r of routes)
      for (const ch of CONTROLS) {
        const res = await r.send(ch);
        expect({ field: r.field, ch: ch.charCodeAt(0), status: res.statusCode }).toEqual({
          field: r.field,
          ch: ch.charCodeAt(0),
          status: 400,
        });
        expect(res.json().error.code).toBe('VALIDATION_FAILED');
        expect(res.json().error.details.issues[0].field).toBe(r.field);
        expect(res.json().error.message).toContain(r.field);
      }
  });

  it('never answers 500 to fuzzed text, and still accepts tabs and line breaks', async () => {
    const next = rng(6);
    const alphabet = [...CONTROLS, '\t', '\n', '\r', '水', '费', 'a', ' ', '%', '_', "'", '"', '\\', '😀', '\uffff'];
    const statuses: number[] = [];
    for (let i = 0; i < 120; i++) {
      const len = 1 + Math.floor(next() * 12);
      let s = '';
      for (let j = 0; j < len; j++) s += alphabet[Math.floor(next() * alphabet.length)];
      statuses.push((await routes[i % routes.length].send(s)).statusCode);
    }
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    const ok = await bot('/api/bot/ask', { question: '水费\t怎么\n交' });
    expect(ok.statusCode).toBe(200);
    const login = await t.client().post('/api/auth/login', { username: 'admin', password: DEMO_PASSWORD });
    expect(login.statusCode).toBe(200);
  });
});
