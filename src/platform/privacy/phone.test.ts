import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../testing/test-app.js';
import { maskPhone } from './mask.js';
import { normaliseMainlandPhone, ZMainlandPhone } from './phone.js';

describe('mainland phone numbers', () => {
  it('accepts mobiles and landlines with area code, in their stored form', () => {
    expect(normaliseMainlandPhone('13812345678')).toBe('13812345678');
    expect(normaliseMainlandPhone('+86 138 1234 5678')).toBe('13812345678');
    expect(normaliseMainlandPhone('021-63211234')).toBe('021-63211234');
    expect(normaliseMainlandPhone('02163211234')).toBe('021-63211234');
    expect(normaliseMainlandPhone('010-8765432')).toBe('010-8765432');
    expect(normaliseMainlandPhone('0571-88001234')).toBe('0571-88001234');
    expect(normaliseMainlandPhone('057188001234')).toBe('0571-88001234');
  });

  it('refuses a bare local number, short numbers and look-alikes', () => {
    for (const bad of ['1381234', '63211234', '12812345678', '1381234567', '021-1234567', '123', '13812345678x', ''])
      expect([bad, normaliseMainlandPhone(bad)]).toEqual([bad, null]);
    expect(ZMainlandPhone.safeParse('1381234').success).toBe(false);
  });

  it('masks by the real length, never making a short number look like a mobile', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('021-63211234')).toBe('021-****1234');
    expect(maskPhone('010-8765432')).toBe('010-***5432');
    expect(maskPhone('1381234')).toBe('*****34');
    expect(maskPhone('1381234')?.length).toBe(7);
    expect(maskPhone('123')).toBe('***');
    expect(maskPhone(null)).toBeNull();
  });
});

describe('leave-a-message takes a real phone number', () => {
  it('refuses a 7-digit number and stores a valid one in its normal form', async () => {
    const t = await createTestApp({ now: '2026-11-25T12:00:00Z' });
    try {
      const c = t.client();
      const token = (await c.post('/api/bot/sessions', { channel: 'portal' })).json().token;
      const leave = (phone: string) =>
        c.request({
          method: 'POST',
          url: '/api/bot/messages',
          json: { name: '张三', phone, question: '想咨询取水许可' },
          headers: { 'x-bot-token': token, 'x-csrf-token': '' },
        });
      const short = await leave('1381234');
      expect(short.statusCode).toBe(400);
      expect(short.json().error.details.issues[0].field).toBe('body.phone');
      expect((await leave('+86 139 1234 5678')).statusCode).toBe(201);
      const list = (await (await t.as('window1')).get('/api/callbacks')).json().items;
      expect(list.map((x: { phone: string }) => x.phone)).toEqual(['139****5678']);
      const row = await t.ctx.db.selectFrom('callback_requests').select('phone').executeTakeFirstOrThrow();
      expect(row.phone).toBe('13912345678');
    } finally {
      await t.close();
    }
  });
});
