import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../testing/test-app.js';
import { seedDemoForms } from '../../phone/seed/demo-forms.js';
import { seedDemoOrders } from './demo-orders.js';

/** Demo mode with sample cases, Wednesday 2026-11-25 10:00 Shanghai. */
describe('demo cases: work orders and phone forms in their various states, seeded once', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ now: '2026-11-25T02:00:00Z', config: { demoCases: true } });
  });
  afterAll(async () => {
    await t.close();
  });
  const snapshot = async () => ({
    orders: await t.ctx.db
      .selectFrom('work_orders')
      .select(['status', 'source', 'due_at', 'department_id', 'satisfaction'])
      .orderBy('number')
      .execute(),
    forms: await t.ctx.db.selectFrom('phone_forms').select(['status', 'due_at']).orderBy('number').execute(),
    events: Number(
      (
        await t.ctx.db
          .selectFrom('events')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
  });

  it('has orders received, dispatched, handling, overdue, replied and closed with satisfaction, and three forms', async () => {
    const { orders, forms } = await snapshot();
    expect(orders.map((o) => o.status).sort()).toEqual([
      'closed',
      'dispatched',
      'handling',
      'handling',
      'received',
      'replied',
      'replied',
    ]);
    const now = t.clock.now().toISOString();
    // the 排水处 complaint received 8 working days ago is overdue; the fresh ones are not
    expect(orders.filter((o) => o.status === 'handling' && o.due_at < now)).toHaveLength(1);
    expect(orders.find((o) => o.status === 'closed')?.satisfaction).toBe(5);
    expect(orders.filter((o) => o.source === 'offline_report')).toHaveLength(1);
    expect(forms.map((f) => f.status).sort()).toEqual(['replied', 'transferred', 'transferred']);
    // the form sent today 09:35 is due tomorrow (Thu) 17:00 by the working-time engine
    expect(forms.map((f) => f.due_at)).toContain('2026-11-26T09:00:00.000Z');
    expect(forms.filter((f) => f.status === 'transferred' && f.due_at < now)).toHaveLength(1);
  });

  it('a second start adds and changes nothing', async () => {
    const before = await snapshot();
    await seedDemoForms(t.ctx.db, t.clock.now());
    await seedDemoOrders(t.ctx.db, t.clock.now());
    expect(await snapshot()).toEqual(before);
  });

  it('hotline1 and water1 see their work on the home page', async () => {
    const hotline = (await (await t.as('hotline1')).get('/api/my-work')).json();
    expect(hotline.items.filter((i: { source: string }) => i.source === 'workOrders').length).toBeGreaterThanOrEqual(3);
    const water = (await (await t.as('water1')).get('/api/my-work')).json();
    expect(water.items.map((i: { source: string }) => i.source)).toEqual(
      expect.arrayContaining(['workOrders', 'phone']),
    );
  });
});
