import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.js';
import { pdfText } from '../../platform/pdf/pdf-text.js';
import { PHONE_CALL_TYPE_LABELS } from '../../contracts/enums/phone.js';
import type { TPhoneForm } from '../../contracts/phone.js';
import { phoneFormPdf } from './form-pdf.js';

const CALL = { callerName: '张三', phone: '138 0013 8000', type: 'water', content: '取水许可证延续需要什么材料？' };
const REPLY = {
  reply: '取水许可证延续请在有效期届满45日前网上申请，材料见办事指南。',
  answered: true,
  handlerName: '李强',
  headName: '刘处长',
  replyOn: '2026-11-25',
};

async function deptId(t: TestApp, code: string): Promise<string> {
  return (await t.ctx.db.selectFrom('departments').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}

async function newForm(w: TestClient, departmentId: string, body: Record<string, unknown> = {}) {
  const call = await w.post('/api/phone/calls', { ...CALL, ...body });
  expect(call.statusCode, call.body).toBe(201);
  const form = await w.post(`/api/phone/calls/${call.json().id}/transfer`, { departmentId });
  expect(form.statusCode, form.body).toBe(201);
  return { callId: call.json<{ id: string }>().id, ...form.json<{ id: string; number: string; dueAt: string }>() };
}

/** Polls until `read` gives a value (a durable consumer of the event feed works after the commit). */
async function until<T>(read: () => Promise<T | null>): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const v = await read();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('timed out waiting for the event feed');
}

describe('phone consultation: calls and transfer forms (seed art. 10.1, annex 3)', () => {
  let t: TestApp;
  let window1: TestClient;
  let water1: TestClient;
  let supply1: TestClient;
  let water: string;
  let supply: string;

  beforeAll(async () => {
    // Wednesday 2026-11-25 10:00 in Shanghai
    t = await createTestApp({ now: '2026-11-25T02:00:00Z' });
    window1 = await t.as('window1');
    water1 = await t.as('water1');
    supply1 = await t.as('supply1');
    water = await deptId(t, 'water-resources');
    supply = await deptId(t, 'water-supply');
  });
  afterAll(async () => {
    await t.close();
  });

  it('logs a call answered on the spot: normalised number, masked in the list, type named in both languages', async () => {
    const res = await window1.post('/api/phone/calls', { ...CALL, answer: '可在一网通办网上申请。' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      status: 'answered',
      phone: '138****8000',
      typeLabel: PHONE_CALL_TYPE_LABELS.water,
      answer: '可在一网通办网上申请。',
    });
    const row = await t.ctx.db
      .selectFrom('phone_calls')
      .selectAll()
      .where('id', '=', res.json().id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ phone: '13800138000', created_on: '2026-11-25', status: 'answered' });
    const list = (await window1.get('/api/phone/calls')).json().items as { id: string; phone: string }[];
    expect(list.find((c) => c.id === res.json().id)?.phone).toBe('138****8000');
    expect(JSON.stringify(list)).not.toContain('13800138000');
  });

  it('answers an open call later, once', async () => {
    const c = (await window1.post('/api/phone/calls', CALL)).json();
    expect(c.status).toBe('open');
    expect((await window1.post(`/api/phone/calls/${c.id}/answer`, { answer: '已当场解答。' })).statusCode).toBe(200);
    const again = await window1.post(`/api/phone/calls/${c.id}/answer`, { answer: '再答一次' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details).toMatchObject({ current: 'answered' });
    // an answered call cannot become a transfer form
    expect((await window1.post(`/api/phone/calls/${c.id}/transfer`, { departmentId: water })).statusCode).toBe(409);
  });

  it('refuses bad input with 400 naming the field', async () => {
    const bad = async (body: Record<string, unknown>, field: string) => {
      const res = await window1.post('/api/phone/calls', { ...CALL, ...body });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(res.json().error.details)).toContain(field);
    };
    await bad({ phone: '12345' }, 'phone');
    await bad({ type: '电力' }, 'type');
    await bad({ callerName: '  ' }, 'callerName');
    await bad({ matterId: 'no-such-matter' }, 'matterId');
    const c = (await window1.post('/api/phone/calls', CALL)).json();
    const noDept = await window1.post(`/api/phone/calls/${c.id}/transfer`, {});
    expect(noDept.statusCode).toBe(400);
    expect(noDept.json().error.details).toMatchObject({ field: 'departmentId' });
    const unknown = await window1.post(`/api/phone/calls/${c.id}/transfer`, { departmentId: 'nope' });
    expect(unknown.json().error.details).toMatchObject({ field: 'departmentId' });
  });

  it('transfers a complex call: DH number of the month, due one working day later by close of business', async () => {
    const f = await newForm(window1, water);
    expect(f.number).toMatch(/^DH202611\d{4}$/);
    expect(f.dueAt).toBe('2026-11-26T09:00:00.000Z'); // Thu 17:00 Shanghai
    const call = (await window1.get('/api/phone/calls')).json().items.find((c: { id: string }) => c.id === f.callId);
    expect(call).toMatchObject({ status: 'transferred', formId: f.id, formNumber: f.number });
    // a call is transferred once
    expect((await window1.post(`/api/phone/calls/${f.callId}/transfer`, { departmentId: water })).statusCode).toBe(409);
  });

  it('the matter picks the department when none is named', async () => {
    const m = await t.ctx.db
      .selectFrom('matters')
      .select(['id', 'owner_department_id'])
      .where('owner_department_id', '=', supply)
      .executeTakeFirstOrThrow();
    const c = (await window1.post('/api/phone/calls', { ...CALL, matterId: m.id })).json();
    const f = await window1.post(`/api/phone/calls/${c.id}/transfer`, {});
    expect(f.statusCode).toBe(201);
    expect((await window1.get(`/api/phone/forms/${f.json().id}`)).json().department.id).toBe(supply);
  });

  it('departments see only their own forms: another department gets 404, not the form', async () => {
    const f = await newForm(window1, water);
    expect((await water1.get(`/api/phone/forms/${f.id}`)).json()).toMatchObject({
      phone: '13800138000',
      actions: ['reply', 'return'],
    });
    expect((await supply1.get(`/api/phone/forms/${f.id}`)).statusCode).toBe(404);
    expect((await supply1.get(`/api/phone/forms/${f.id}/pdf`)).statusCode).toBe(404);
    expect((await supply1.post(`/api/phone/forms/${f.id}/reply`, REPLY)).statusCode).toBe(404);
    expect((await supply1.post(`/api/phone/forms/${f.id}/return`, { reason: '不是我处' })).statusCode).toBe(404);
    const theirs = (await supply1.get('/api/phone/forms')).json().items as { id: string; department: { id: string } }[];
    expect(theirs.map((x) => x.id)).not.toContain(f.id);
    expect(theirs.every((x) => x.department.id === supply)).toBe(true);
    const ours = (await water1.get('/api/phone/forms')).json().items as { id: string; phone: string }[];
    expect(ours.find((x) => x.id === f.id)?.phone).toBe('138****8000');
    // the window, hotline office and leaders read all
    for (const u of ['window1', 'hotline1', 'leader1', 'office1'])
      expect((await (await t.as(u)).get(`/api/phone/forms/${f.id}`)).statusCode, u).toBe(200);
  });

  it('the department replies, the window closes with the KB updated: a proposal, accepted as a draft, then the entry date when published', async () => {
    const f = await newForm(window1, water);
    // only the department replies; the window may not close before the reply
    expect((await window1.post(`/api/phone/forms/${f.id}/reply`, REPLY)).statusCode).toBe(403);
    const early = await window1.post(`/api/phone/forms/${f.id}/close`, { kbUpdated: true });
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({ code: 'INVALID_TRANSITION', details: { current: 'transferred' } });
    expect(await t.ctx.db.selectFrom('kb_proposals').select('id').where('source_ref', '=', f.number).execute()).toEqual(
      [],
    );

    expect(
      (await water1.post(`/api/phone/forms/${f.id}/reply`, { ...REPLY, replyOn: '2026-11-26' })).json().error,
    ).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'replyOn' } });
    expect((await water1.post(`/api/phone/forms/${f.id}/reply`, REPLY)).statusCode).toBe(200);
    expect((await water1.post(`/api/phone/forms/${f.id}/reply`, REPLY)).statusCode).toBe(409);
    // the department may not close; the window's to-do holds the replied form
    expect((await water1.post(`/api/phone/forms/${f.id}/close`, { kbUpdated: true })).statusCode).toBe(403);
    const todo = (await window1.get('/api/phone/forms?todo=window')).json().items as { id: string }[];
    expect(todo.map((x) => x.id)).toContain(f.id);

    const closed = await window1.post(`/api/phone/forms/${f.id}/close`, { kbUpdated: true });
    expect(closed.statusCode, closed.body).toBe(200);
    const proposalId = closed.json().proposalId as string;
    const proposal = await t.ctx.db
      .selectFrom('kb_proposals')
      .selectAll()
      .where('id', '=', proposalId)
      .executeTakeFirstOrThrow();
    expect(proposal).toMatchObject({ source: 'phone', source_ref: f.number, department_id: water, status: 'open' });
    expect(proposal.question).toBe(CALL.content);
    expect(proposal.answer).toContain('有效期届满45日前');
    let form = (await window1.get(`/api/phone/forms/${f.id}`)).json<TPhoneForm>();
    expect(form).toMatchObject({ status: 'closed', kbUpdated: true, kbProposalId: proposalId, kbEntryOn: null });
    expect((await window1.post(`/api/phone/forms/${f.id}/close`, { kbUpdated: true })).statusCode).toBe(409);

    // the owner department's KB editor accepts it: a draft entry, linked to the form (durable consumer),
    // but not in the KB yet, so no entry date
    const accepted = await water1.post(`/api/kb/proposals/${proposalId}/accept`, {});
    expect(accepted.statusCode, accepted.body).toBe(200);
    const entryId = await until(async () => {
      const row = await t.ctx.db
        .selectFrom('phone_forms')
        .select('kb_entry_id')
        .where('id', '=', f.id)
        .executeTakeFirstOrThrow();
      return row.kb_entry_id;
    });
    expect(
      (await t.ctx.db.selectFrom('kb_proposals').select('entry_id').where('id', '=', proposalId).executeTakeFirst())
        ?.entry_id,
    ).toBe(entryId);
    expect((await window1.get(`/api/phone/forms/${f.id}`)).json()).toMatchObject({ kbEntryOn: null });

    // submitted today, published by the reviewer on Friday 11-27: that is the form's KB entry date
    expect((await water1.post(`/api/kb/entries/${entryId}/submit`)).statusCode).toBe(200);
    t.clock.set('2026-11-27T03:00:00Z');
    try {
      const published = await (await t.as('legal1')).post(`/api/kb/entries/${entryId}/publish`);
      expect(published.statusCode, published.body).toBe(200);
      const reader = await t.as('window1');
      form = await until(async () => {
        const x = (await reader.get(`/api/phone/forms/${f.id}`)).json<TPhoneForm>();
        return x.kbEntryOn ? x : null;
      });
      expect(form.kbEntryOn).toBe('2026-11-27');
      const pdf = pdfText(await phoneFormPdf(form, null, { compress: false })).replace(/\s+/g, '');
      expect(pdf).toContain('■已更新至知识库，入库日期：2026年11月27日。');
    } finally {
      t.clock.set('2026-11-25T02:00:00Z');
    }
    const events = await t.ctx.db
      .selectFrom('events')
      .select('type')
      .where('subject_id', '=', f.id)
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.type)).toEqual([
      'phone.form_transferred',
      'phone.form_replied',
      'phone.form_closed',
      'phone.kb_entry_linked',
      'phone.kb_entry_recorded',
    ]);
  });

  it('closing without a KB update needs a note why', async () => {
    const f = await newForm(window1, water);
    // the reply date defaults to today
    await water1.post(`/api/phone/forms/${f.id}/reply`, { ...REPLY, answered: false, replyOn: undefined });
    const noNote = await window1.post(`/api/phone/forms/${f.id}/close`, { kbUpdated: false });
    expect(noNote.statusCode).toBe(400);
    expect(JSON.stringify(noNote.json().error.details)).toContain('note');
    const ok = await window1.post(`/api/phone/forms/${f.id}/close`, { kbUpdated: false, note: '个案问题，不具普遍性' });
    expect(ok.json()).toEqual({ ok: true, proposalId: null });
    expect((await window1.get(`/api/phone/forms/${f.id}`)).json()).toMatchObject({
      kbUpdated: false,
      noKbReason: '个案问题，不具普遍性',
      answered: false,
      replyOn: '2026-11-25',
    });
  });

  it('a wrong department returns the form with a reason; the window sends it on with a new due time', async () => {
    const f = await newForm(window1, water);
    expect((await water1.post(`/api/phone/forms/${f.id}/return`, { reason: '  ' })).statusCode).toBe(400);
    expect((await water1.post(`/api/phone/forms/${f.id}/return`, { reason: '属供水处职责' })).statusCode).toBe(200);
    expect((await water1.post(`/api/phone/forms/${f.id}/reply`, REPLY)).statusCode).toBe(409);
    // only the window re-sends
    expect((await water1.post(`/api/phone/forms/${f.id}/retransfer`, { departmentId: supply })).statusCode).toBe(403);
    const returned = (await window1.get(`/api/phone/forms/${f.id}`)).json();
    expect(returned).toMatchObject({ status: 'returned', returnReason: '属供水处职责', actions: ['retransfer'] });
    t.clock.set('2026-11-26T07:00:00Z'); // Thu 15:00 (a fresh sign-in: yesterday's session has expired)
    const nextDay = await t.as('window1');
    expect((await nextDay.post(`/api/phone/forms/${f.id}/retransfer`, { departmentId: supply })).statusCode).toBe(200);
    t.clock.set('2026-11-25T02:00:00Z');
    const moved = (await supply1.get(`/api/phone/forms/${f.id}`)).json();
    expect(moved).toMatchObject({ status: 'transferred', dueAt: '2026-11-27T09:00:00.000Z' });
    expect((await water1.get(`/api/phone/forms/${f.id}`)).statusCode).toBe(404);
    expect((await supply1.post(`/api/phone/forms/${f.id}/reply`, REPLY)).statusCode).toBe(200);
  });

  it('of concurrent replies to one form, one gets 200 and the other 409, and one event is written', async () => {
    const other = await t.as('water1');
    for (let i = 0; i < 5; i++) {
      const f = await newForm(window1, water);
      const [a, b] = await Promise.all([
        water1.post(`/api/phone/forms/${f.id}/reply`, { ...REPLY, reply: '甲的答复口径' }),
        other.post(`/api/phone/forms/${f.id}/reply`, { ...REPLY, reply: '乙的答复口径' }),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
      const events = await t.ctx.db
        .selectFrom('events')
        .select('id')
        .where('subject_id', '=', f.id)
        .where('type', '=', 'phone.form_replied')
        .execute();
      expect(events).toHaveLength(1);
    }
  });

  it('prints the form as annex 3: a PDF with the title, number, fields, reply and KB line', async () => {
    const f = await newForm(window1, water);
    await water1.post(`/api/phone/forms/${f.id}/reply`, REPLY);
    const res = await water1.get(`/api/phone/forms/${f.id}/pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const form = (await water1.get(`/api/phone/forms/${f.id}`)).json<TPhoneForm>();
    const text = pdfText(await phoneFormPdf(form, '021-63211234', { compress: false })).replace(/\s+/g, '');
    for (const s of [
      '电话咨询答复流转单',
      `编号：${f.number}`,
      '制表日期：2026年11月25日',
      '■水利□供水□排水□海洋□其它',
      '张三',
      '13800138000',
      '水资源管理处',
      '1个工作日（2026年11月26日17:00前）',
      CALL.content,
      '■是□否已答复',
      REPLY.reply,
      '经办人：李强部门负责人：刘处长日期：2026年11月25日',
      '□已更新至知识库，入库日期：年月日。',
      '窗口联系人：王敏（窗口）联系电话：021-63211234',
    ])
      expect(text).toContain(s);
  });
});

describe('phone transfer forms: due time on the working-time calendar', () => {
  it('across National Day: Wed 2026-09-30 16:00 → Thu 10-08 17:00; Fri 10-09 16:00 → the make-up Saturday 10-10 17:00', async () => {
    const t = await createTestApp({ now: '2026-09-30T08:00:00Z' });
    try {
      const w = await t.as('window1');
      const water = await deptId(t, 'water-resources');
      expect((await newForm(w, water)).dueAt).toBe('2026-10-08T09:00:00.000Z');
      t.clock.set('2026-10-09T08:00:00Z');
      const f = await newForm(await t.as('window1'), water);
      expect(f.dueAt).toBe('2026-10-10T09:00:00.000Z');
      expect(f.number).toMatch(/^DH202610\d{4}$/);
    } finally {
      await t.close();
    }
  });

  it('a holiday entered later moves the stored due time (registered deadline recomputer)', async () => {
    const t = await createTestApp({ now: '2026-11-25T02:00:00Z' });
    try {
      const w = await t.as('window1');
      const f = await newForm(w, await deptId(t, 'water-resources'));
      expect(f.dueAt).toBe('2026-11-26T09:00:00.000Z');
      const admin = await t.as('admin');
      const res = await admin.put('/api/calendar/days/2026-11-26', { kind: 'holiday', name: '临时休息' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().recomputed).toBeGreaterThanOrEqual(1);
      const row = await t.ctx.db
        .selectFrom('phone_forms')
        .select('due_at')
        .where('id', '=', f.id)
        .executeTakeFirstOrThrow();
      expect(row.due_at).toBe('2026-11-27T09:00:00.000Z');
    } finally {
      await t.close();
    }
  });
});
