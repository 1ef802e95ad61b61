import { SESSION_COOKIE } from '../../platform/auth/sessions.js';
import type { TestApp, TestClient } from '../../testing/test-app.js';
import { buildUser } from '../../testing/factories.js';
import { CHAT_TOKEN_HEADER, type TChatServerFrame } from '../../contracts/livechat.js';

/** Test helpers for live help: agents on duty, citizens joining, sockets that collect frames. */

export interface Agent {
  id: string;
  client: TestClient;
}

/** A staff member of `role` in `departmentCode`, signed in (on duty until the duty module lands). */
export async function onDutyAgent(
  t: TestApp,
  role: 'window_agent' | 'business_agent' = 'window_agent',
  departmentCode = 'service-centre',
): Promise<Agent> {
  const admin = await t.as('admin');
  const dept = await t.ctx.db
    .selectFrom('departments')
    .select('id')
    .where('code', '=', departmentCode)
    .executeTakeFirstOrThrow();
  const u = await buildUser(admin, { roles: [role], departmentId: dept.id });
  const client = t.client();
  const res = await client.post('/api/auth/login', { username: u.username, password: u.password });
  if (res.statusCode !== 200) throw new Error(res.body);
  return { id: u.id, client };
}

export interface Citizen {
  token: string;
  id: string;
  get(url: string): ReturnType<TestClient['get']>;
  post(url: string, body?: unknown): ReturnType<TestClient['post']>;
}

export async function joinChat(t: TestApp, body: Record<string, unknown> = {}): Promise<Citizen> {
  const c = t.client();
  const res = await c.post('/api/chat/conversations', { channel: 'portal', question: '取水许可怎么办？', ...body });
  if (res.statusCode !== 201) throw new Error(`join → ${res.statusCode} ${res.body}`);
  const { token, conversation } = res.json();
  const h = { [CHAT_TOKEN_HEADER]: token };
  return {
    token,
    id: conversation.id,
    get: (url) => c.get(url, h),
    post: (url, b) => c.post(url, b ?? {}, h),
  };
}

interface RawSocket {
  on(event: 'message', fn: (data: Buffer) => void): void;
  on(event: 'close', fn: (code: number) => void): void;
  send(data: string | Buffer): void;
  terminate(): void;
  close(): void;
}

export interface FrameSocket {
  ws: RawSocket;
  frames: TChatServerFrame[];
  closedWith: number | null;
  send(frame: unknown): void;
  of<T extends TChatServerFrame['t']>(t: T): Extract<TChatServerFrame, { t: T }>[];
}

/** Opens /api/chat/ws on `t` (as a citizen with a token, or as staff with their cookie) and says hello. */
export async function chatSocket(
  t: TestApp,
  who: { token: string } | { staff: TestClient },
  resume?: { conversationId: string; afterSeq: number }[],
  origin?: string,
): Promise<FrameSocket> {
  const headers: Record<string, string> = { host: 'bangban.test:8080' };
  if ('staff' in who) headers.cookie = `${SESSION_COOKIE}=${who.staff.cookie(SESSION_COOKIE)}`;
  if (origin) headers.origin = origin;
  const ws = (await t.app.injectWS('/api/chat/ws', { headers })) as unknown as RawSocket;
  const s: FrameSocket = {
    ws,
    frames: [],
    closedWith: null,
    send: (f) => ws.send(JSON.stringify(f)),
    of: (kind) => s.frames.filter((f) => f.t === kind) as never,
  };
  ws.on('message', (d) => s.frames.push(JSON.parse(d.toString())));
  ws.on('close', (code) => (s.closedWith = code));
  s.send({ t: 'hello', ...('token' in who ? { token: who.token } : {}), ...(resume ? { resume } : {}) });
  await until(t, () => s.frames.some((f) => f.t === 'welcome') || s.closedWith !== null);
  return s;
}

/** Waits (polling the event feed) until `cond` holds. */
export async function until(t: TestApp, cond: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await t.ctx.feed.poll();
    await new Promise((r) => setTimeout(r, 15));
  }
}
