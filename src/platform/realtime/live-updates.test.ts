import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.js';
import type { TLiveEvent } from '../../contracts/live.js';
import { SESSION_COOKIE } from '../auth/sessions.js';
import { recordEvent, SYSTEM_ACTOR } from '../events/record-event.js';
import { mayReceive } from './live-updates.js';

interface Socket {
  on(event: 'message', fn: (data: Buffer) => void): void;
  terminate(): void;
}

/** Opens /api/live as `client` would from the browser, collecting what arrives. */
async function connect(t: TestApp, client: TestClient | null, origin?: string) {
  const headers: Record<string, string> = {};
  if (client) headers.cookie = `${SESSION_COOKIE}=${client.cookie(SESSION_COOKIE)}`;
  if (origin) headers.origin = origin;
  headers.host = 'bangban.test:8080';
  const ws = (await t.app.injectWS('/api/live', { headers })) as unknown as Socket;
  const received: TLiveEvent[] = [];
  ws.on('message', (data) => received.push(JSON.parse(data.toString()) as TLiveEvent));
  return { ws, received };
}

async function until(cond: () => boolean, t: TestApp, ms = 3000) {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await t.ctx.feed.poll();
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('live updates over /api/live', () => {
  let t: TestApp;
  const open: Socket[] = [];
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    open.forEach((s) => s.terminate());
    await t.close();
  });

  it("pushes to a signed-in user an event recorded by another user's request, without its data", async () => {
    const office = await connect(t, await t.as('office1'), 'http://bangban.test:8080');
    open.push(office.ws);
    const admin = await t.as('admin');
    const res = await admin.post('/api/departments', {
      code: 'live-test',
      nameZh: '实时测试处',
      nameEn: 'Live test',
      kind: 'office',
    });
    expect(res.statusCode).toBe(201);
    await until(() => office.received.some((e) => e.type === 'department.created'), t);
    const e = office.received.find((x) => x.type === 'department.created')!;
    expect(e).toMatchObject({ subjectType: 'department', subjectId: res.json<{ id: string }>().id });
    expect(Object.keys(e).sort()).toEqual(['at', 'departmentId', 'id', 'subjectId', 'subjectType', 'type']);
  });

  it('refuses an anonymous connection and a page of another site', async () => {
    await expect(connect(t, null)).rejects.toThrow(/401/);
    await expect(connect(t, await t.as('office1'), 'https://evil.example')).rejects.toThrow(/403/);
  });

  it("does not tell a user of another department about a department's event", async () => {
    const dept = async (code: string) =>
      (await t.ctx.db.selectFrom('departments').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
    const drainage = await dept('drainage');
    const supply = await connect(t, await t.as('supply1')); // business agent of water supply
    const drain = await connect(t, await t.as('drain1')); // business agent of drainage
    open.push(supply.ws, drain.ws);
    await recordEvent(t.ctx.db, SYSTEM_ACTOR, t.clock.now(), {
      type: 'kb.entry_created',
      subjectType: 'kb_entry',
      subjectId: 'drainage-entry',
      departmentId: drainage,
      data: { code: 'KB-TEST' },
    });
    await recordEvent(t.ctx.db, SYSTEM_ACTOR, t.clock.now(), {
      type: 'calendar.day_set',
      subjectType: 'calendar_day',
      subjectId: '2026-12-31',
      data: { kind: 'holiday', before: null },
    });
    await until(() => supply.received.length > 0 && drain.received.length > 1, t);
    expect(drain.received.map((e) => e.subjectId)).toEqual(['drainage-entry', '2026-12-31']);
    expect(supply.received.map((e) => e.subjectId)).toEqual(['2026-12-31']);
  });

  it('never pushes sign-in events, and an all-departments role sees every department', () => {
    expect(mayReceive({ all: true }, { type: 'auth.login', departmentId: null })).toBe(false);
    expect(mayReceive({ all: true }, { type: 'kb.entry_created', departmentId: 'd1' })).toBe(true);
    expect(mayReceive({ all: false, departmentId: null }, { type: 'kb.entry_created', departmentId: 'd1' })).toBe(
      false,
    );
  });
});
