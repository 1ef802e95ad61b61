import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definePolicy } from '../platform/policy/authorize.js';
import { ROLES, type Role } from '../platform/policy/roles.js';
import type { Ability } from './abilities.js';
import { knowledgePolicy } from './knowledge/knowledge.policy.js';
import { ZMe } from '../contracts/org.js';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.js';

/**
 * Every role × a representative route of each kind: a list (scoped), a read by id inside and
 * outside the user's department (200 / 404), and writes reserved to some roles (403 otherwise).
 */
type Expect = Record<Role, number>;
const all = (code: number, except: Partial<Expect> = {}): Expect =>
  ({ ...Object.fromEntries(ROLES.map((r) => [r, code])), ...except }) as Expect;
const OVERSIGHT = { admin: 200, auditor: 200, supervisor: 200, leader: 200 } as const;

describe('authorisation matrix: every role', () => {
  let t: TestApp;
  const clients = {} as Record<Role, TestClient>;
  let colleagueId: string;
  let outsiderId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await t.as('admin');
    const dept = (
      await t.ctx.db
        .selectFrom('departments')
        .select('id')
        .where('code', '=', 'water-resources')
        .executeTakeFirstOrThrow()
    ).id;
    for (const role of ROLES) {
      const username = `m_${role}`;
      const res = await admin.post('/api/users', {
        username,
        displayName: role,
        password: 'Matrix2026',
        departmentId: dept,
        roles: [role],
      });
      expect(res.statusCode).toBe(201);
      const c = t.client();
      expect((await c.post('/api/auth/login', { username, password: 'Matrix2026' })).statusCode).toBe(200);
      clients[role] = c;
    }
    colleagueId = (await admin.get('/api/users?q=water1')).json().items[0].id;
    outsiderId = (await admin.get('/api/users?q=supply1')).json().items[0].id;
  });
  afterAll(async () => {
    await t.close();
  });

  const check = async (name: string, expected: Expect, call: (c: TestClient) => Promise<{ statusCode: number }>) => {
    const got = {} as Record<Role, number>;
    for (const role of ROLES) got[role] = (await call(clients[role])).statusCode;
    expect(got, name).toEqual(expected);
  };

  it('anyone signed out gets 401 on staff routes and 200 on public ones', async () => {
    const anon = t.client();
    expect((await anon.get('/api/users')).statusCode).toBe(401);
    expect((await anon.get('/api/audit')).statusCode).toBe(401);
    expect((await anon.post('/api/users', { username: 'x' })).statusCode).toBe(401);
    expect(
      (await anon.post('/api/departments', { code: 'xx', nameZh: 'x', nameEn: 'x', kind: 'owner' })).statusCode,
    ).toBe(401);
    expect((await anon.get('/api/matters')).statusCode).toBe(200);
    expect((await anon.get('/api/public/service-status')).statusCode).toBe(200);
  });

  it('list users: everyone, but scoped — outsiders are not in a department-scoped list', async () => {
    await check('GET /api/users', all(200), (c) => c.get('/api/users?pageSize=200'));
    const scoped = (await clients.window_agent.get('/api/users?pageSize=200'))
      .json()
      .items.map((u: { username: string }) => u.username);
    expect(scoped).toContain('water1');
    expect(scoped).not.toContain('supply1');
    const full = (await clients.auditor.get('/api/users?pageSize=200'))
      .json()
      .items.map((u: { username: string }) => u.username);
    expect(full).toContain('supply1');
  });

  it('read a user of the same department: 200 for all', async () => {
    await check('GET colleague', all(200), (c) => c.get(`/api/users/${colleagueId}`));
  });

  it('read a user of another department: 404 unless an oversight role', async () => {
    await check('GET outsider', all(404, OVERSIGHT), (c) => c.get(`/api/users/${outsiderId}`));
  });

  it('create a user: administrators only', async () => {
    let i = 0;
    await check('POST /api/users', all(403, { admin: 201 }), (c) =>
      c.post('/api/users', { username: `new_${i++}`, displayName: 'x', password: 'Secret123', roles: [] }),
    );
  });

  it('change the calendar: administrators only', async () => {
    await check('PUT calendar day', all(403, { admin: 200 }), (c) =>
      c.put('/api/calendar/days/2026-12-31', { kind: 'holiday', name: '测试' }),
    );
  });

  it('read the audit trail: administrators, auditors and supervisors', async () => {
    await check('GET /api/audit', all(403, { admin: 200, auditor: 200, supervisor: 200 }), (c) => c.get('/api/audit'));
  });

  it('manage the matter catalogue: administrators and the legal division', async () => {
    let i = 0;
    const dept = (
      await t.ctx.db
        .selectFrom('departments')
        .select('id')
        .where('code', '=', 'water-resources')
        .executeTakeFirstOrThrow()
    ).id;
    await check('POST /api/matters', all(403, { admin: 201 }), (c) =>
      c.post('/api/matters', {
        code: `T-${i++}`,
        name: '测试事项',
        kind: '公共服务事项',
        ownerDepartmentId: dept,
        liveHelp: true,
        category: '水利',
      }),
    );
    const legal = await t.as('legal1');
    expect(
      (
        await legal.post('/api/matters', {
          code: 'T-LEGAL',
          name: '法规处新增事项',
          kind: '公共服务事项',
          ownerDepartmentId: dept,
          liveHelp: false,
          category: '其它',
        })
      ).statusCode,
    ).toBe(201);
  });

  it('the abilities sent to the web app match the policy', async () => {
    const me = (await clients.auditor.get('/api/auth/me')).json();
    expect(me.abilities).toContain('audit.read');
    expect(me.abilities).not.toContain('org.manageUsers');
    expect((await clients.admin.get('/api/auth/me')).json().abilities).toEqual(
      expect.arrayContaining(['org.manageUsers', 'calendar.manage', 'audit.read']),
    );
  });

  it('callbacks and ratings: who lists, who works a case', async () => {
    await check(
      'GET /api/callbacks',
      all(403, { window_agent: 200, hotline_dispatcher: 200, supervisor: 200, admin: 200 }),
      (c) => c.get('/api/callbacks'),
    );
    await check(
      'POST /api/callbacks/:id/progress',
      all(403, { window_agent: 404, hotline_dispatcher: 404, admin: 404 }),
      (c) => c.post('/api/callbacks/none/progress', { status: 'closed', result: '无此工单' }),
    );
    await check('GET /api/ratings', all(403, OVERSIGHT), (c) => c.get('/api/ratings'));
  });

  it('live-help duty and conduct: agents sign in and use canned replies, the supervisor rosters and edits', async () => {
    await check('POST /api/duty/sign-in', all(403, { window_agent: 200, business_agent: 200 }), (c) =>
      c.post('/api/duty/sign-in'),
    );
    await check('GET /api/duty/records', all(403, { supervisor: 200, admin: 200, leader: 200 }), (c) =>
      c.get('/api/duty/records'),
    );
    await check('PUT /api/duty/roster', all(403, { supervisor: 200, admin: 200 }), (c) =>
      c.put('/api/duty/roster', { from: '2026-11-30', to: '2026-11-30', userIds: [] }),
    );
    await check(
      'GET /api/conduct/canned-replies',
      all(403, { window_agent: 200, business_agent: 200, supervisor: 200, admin: 200 }),
      (c) => c.get('/api/conduct/canned-replies'),
    );
    await check('PUT /api/conduct/phrases/:id', all(403, { supervisor: 404, admin: 404 }), (c) =>
      c.put('/api/conduct/phrases/none', { phrase: '无此禁语', suggestion: '无' }),
    );
  });

  it('live help: agents work their chats, the supervisor watches the wall; unknown chats are 404 to those who may work', async () => {
    const SUPERVISE = { supervisor: 200, leader: 200, admin: 200 };
    await check('GET /api/chat/wall', all(403, SUPERVISE), (c) => c.get('/api/chat/wall'));
    await check(
      'GET /api/chat/agent/conversations',
      all(403, { window_agent: 200, business_agent: 200, ...SUPERVISE }),
      (c) => c.get('/api/chat/agent/conversations'),
    );
    await check(
      'GET /api/chat/agent/conversations/:id',
      all(403, { window_agent: 404, business_agent: 404, supervisor: 404, leader: 404, admin: 404 }),
      (c) => c.get('/api/chat/agent/conversations/none'),
    );
    await check(
      'POST /api/chat/agent/conversations/:id/close',
      all(403, { window_agent: 404, business_agent: 404, supervisor: 404, leader: 404, admin: 404 }),
      (c) => c.post('/api/chat/agent/conversations/none/close', { outcome: 'answered' }),
    );
    // leaders oversee live help but do not run it: the chats-per-agent limit is the supervisor's
    await check('PUT /api/chat/settings', all(403, { supervisor: 200, admin: 200 }), (c) =>
      c.put('/api/chat/settings', { maxChatsPerAgent: 5 }),
    );
  });

  it('phone consultation: the window logs and transfers, the owner department replies to its own forms only', async () => {
    const READ_ALL = { window_agent: 200, hotline_dispatcher: 200, ...OVERSIGHT };
    await check('GET /api/phone/calls', all(403, READ_ALL), (c) => c.get('/api/phone/calls'));
    await check('POST /api/phone/calls', all(403, { window_agent: 201 }), (c) =>
      c.post('/api/phone/calls', { callerName: '张三', phone: '13800138000', type: 'other', content: '咨询' }),
    );
    await check('GET /api/phone/forms', all(200, { kb_editor: 403, kb_reviewer: 403 }), (c) =>
      c.get('/api/phone/forms'),
    );
    await check('GET /api/phone/forms/:id (none)', all(404, { kb_editor: 403, kb_reviewer: 403 }), (c) =>
      c.get('/api/phone/forms/none'),
    );
    // a form of another department (供水处): the matrix's business agent (水资源管理处) gets 404
    const window1 = await t.as('window1');
    const supply = (
      await t.ctx.db.selectFrom('departments').select('id').where('code', '=', 'water-supply').executeTakeFirstOrThrow()
    ).id;
    const callId = (
      await window1.post('/api/phone/calls', {
        callerName: '李四',
        phone: '13900139000',
        type: 'supply',
        content: '水压低',
      })
    ).json().id;
    const formId = (await window1.post(`/api/phone/calls/${callId}/transfer`, { departmentId: supply })).json().id;
    await check(
      'GET /api/phone/forms/:id (other department)',
      all(200, { business_agent: 404, kb_editor: 403, kb_reviewer: 403 }),
      (c) => c.get(`/api/phone/forms/${formId}`),
    );
    await check('POST /api/phone/forms/:id/reply', all(403, { business_agent: 404 }), (c) =>
      c.post(`/api/phone/forms/${formId}/reply`, {
        reply: '已答复',
        answered: true,
        handlerName: '甲',
        headName: '乙',
        replyOn: '2026-11-25',
      }),
    );
    await check('POST /api/phone/forms/:id/close', all(403, { business_agent: 404, window_agent: 409 }), (c) =>
      c.post(`/api/phone/forms/${formId}/close`, { kbUpdated: false, note: '无需入库' }),
    );
  });

  it('notifications: everyone reads their own notices and work; only the administrator sets channels and replays', async () => {
    await check('GET /api/notifications', all(200), (c) => c.get('/api/notifications'));
    await check('GET /api/notifications/unread-count', all(200), (c) => c.get('/api/notifications/unread-count'));
    await check('POST /api/notifications/:id/read', all(404), (c) => c.post('/api/notifications/none/read'));
    await check('POST /api/notifications/read-all', all(200), (c) => c.post('/api/notifications/read-all'));
    await check('PUT /api/notifications/prefs', all(200), (c) =>
      c.put('/api/notifications/prefs', { email: null, kinds: [{ kind: 'reminder', inApp: true, email: false }] }),
    );
    await check('GET /api/my-work', all(200), (c) => c.get('/api/my-work'));
    await check('GET /api/notification-channels', all(403, { admin: 200 }), (c) => c.get('/api/notification-channels'));
    await check('PUT /api/notification-channels/:departmentId', all(403, { admin: 404 }), (c) =>
      c.put('/api/notification-channels/none', { emails: [], webhookUrl: null, enabled: false }),
    );
    await check('GET /api/notification-deliveries', all(403, { admin: 200 }), (c) =>
      c.get('/api/notification-deliveries?status=dead'),
    );
    await check('POST /api/notification-deliveries/:id/replay', all(403, { admin: 404 }), (c) =>
      c.post('/api/notification-deliveries/none/replay'),
    );
    await check('GET /api/api-clients', all(403, { admin: 200 }), (c) => c.get('/api/api-clients'));
    await check('POST /api/api-clients/:id/rotate', all(403, { admin: 404 }), (c) =>
      c.post('/api/api-clients/none/rotate'),
    );
    await check('POST /api/api-clients/:id/revoke', all(403, { admin: 404 }), (c) =>
      c.post('/api/api-clients/none/revoke'),
    );
    // a staff session, any role, is never a client system's key
    await check('POST /api/integrations/12345/orders', all(401), (c) => c.post('/api/integrations/12345/orders', {}));
  });

  it('work orders: the hotline office sees and dispatches all, a department only its own (404 otherwise)', async () => {
    const SEE_ALL = { hotline_dispatcher: 200, ...OVERSIGHT };
    const dept = async (code: string) =>
      (await t.ctx.db.selectFrom('departments').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
    const hotline = await t.as('hotline1');
    const order = async (code: string) => {
      const o = await hotline.post('/api/work-orders', {
        type: 'complaint',
        title: '矩阵测试',
        content: '矩阵测试内容',
      });
      await hotline.post(`/api/work-orders/${o.json().id}/dispatch`, { departmentId: await dept(code) });
      return o.json().id as string;
    };
    const own = await order('water-resources');
    const other = await order('water-supply');
    await check('GET /api/work-orders', all(403, { ...SEE_ALL, business_agent: 200 }), (c) =>
      c.get('/api/work-orders'),
    );
    await check('GET own department order', all(404, { ...SEE_ALL, business_agent: 200 }), (c) =>
      c.get(`/api/work-orders/${own}`),
    );
    await check('GET other department order', all(404, SEE_ALL), (c) => c.get(`/api/work-orders/${other}`));
    await check('POST /api/work-orders', all(403, { hotline_dispatcher: 201, admin: 201 }), (c) =>
      c.post('/api/work-orders', { type: 'consultation', title: '矩阵受理', content: '矩阵受理内容' }),
    );
    await check(
      'POST /api/work-orders/window-records',
      all(403, { window_agent: 201, hotline_dispatcher: 201, admin: 201 }),
      (c) =>
        c.post('/api/work-orders/window-records', {
          reporterName: '王女士',
          phone: '13900001111',
          reportedAt: '2026-11-25T01:30:00Z',
          problem: '窗口无法受理',
        }),
    );
    await check(
      'POST accept (other department)',
      all(404, { hotline_dispatcher: 403, auditor: 403, supervisor: 403, leader: 403, admin: 403 }),
      (c) => c.post(`/api/work-orders/${other}/accept`, {}),
    );
    await check('GET /api/work-orders/performance', all(403, SEE_ALL), (c) =>
      c.get('/api/work-orders/performance?from=2026-01&to=2026-12'),
    );
    await check('PUT /api/work-orders/types/:code', all(403, { admin: 200 }), (c) =>
      c.put('/api/work-orders/types/consultation', { workingDays: 1 }),
    );
    // only the hotline office imports the 12345 export (a file that is not .xlsx: 400 after the policy)
    await check('POST /api/work-orders/import/preview', all(403, { hotline_dispatcher: 400, admin: 400 }), (c) =>
      c.post('/api/work-orders/import/preview', { content: Buffer.from('not a workbook').toString('base64') }),
    );
    // annex 6 of another department's window record: the hotline office prints, oversight reads but may not print
    const record = (
      await hotline.post('/api/work-orders/window-records', {
        reporterName: '王女士',
        phone: '13900001111',
        reportedAt: '2026-11-25T01:30:00Z',
        problem: '窗口无法受理',
      })
    ).json().id as string;
    await hotline.post(`/api/work-orders/${record}/dispatch`, { departmentId: await dept('water-supply') });
    await check(
      'GET /api/work-orders/:id/window-record.pdf (other department)',
      all(403, { hotline_dispatcher: 200, admin: 200, business_agent: 404 }),
      (c) => c.get(`/api/work-orders/${record}/window-record.pdf`),
    );
    await check('POST /api/public/blocked-service-reports/lookup (public)', all(404), (c) =>
      c.post('/api/public/blocked-service-reports/lookup', { number: 'GD20260000000', phone: '13900001111' }),
    );
  });

  it('abilities are the declared subject-free rules, whatever a rule names its parameters', async () => {
    const reviewer = (await clients.kb_reviewer.get('/api/auth/me')).json().abilities as string[];
    expect(reviewer).toEqual(expect.arrayContaining(['knowledge.review', 'knowledge.manageTerms', 'knowledge.read']));
    // rules that need a subject (an entry, a department) are never abilities
    expect(reviewer.filter((a) => /Entry|WorkingCopy|ownDepartment/.test(a))).toEqual([]);
    expect((await clients.window_agent.get('/api/auth/me')).json().abilities).toEqual(
      expect.arrayContaining(['callbacks.read', 'callbacks.handle']),
    );
    // the contract types /api/auth/me's abilities as Ability (what the web app's can() takes)
    const me = ZMe.parse((await clients.window_agent.get('/api/auth/me')).json());
    const held: Ability[] = me.user ? me.abilities : [];
    expect(held).toContain('callbacks.handle');
    const typed: Ability[] = ['knowledge.review', 'callbacks.handle', 'ratings.read'];
    expect(typed).toHaveLength(3);
    // @ts-expect-error not a declared ability
    const wrong: Ability = 'knowledge.reviewEntry';
    expect(wrong).toBeDefined();
    // @ts-expect-error a rule that needs a subject cannot be declared as an ability
    definePolicy(knowledgePolicy, ['reviewEntry']);
  });
});
