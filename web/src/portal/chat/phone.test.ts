import { describe, expect, it } from 'vitest';
import { normaliseMainlandPhone } from '../../../../src/platform/privacy/phone.js';
import { looksLikePhone } from './phone.js';

describe("the message form's phone check", () => {
  it('accepts and refuses what the server accepts and refuses (no bare local number)', () => {
    const cases = [
      '13812345678',
      ' 13912345678 ',
      '021-63211234',
      '02163211234',
      '0571-88001234',
      '057188001234',
      '63211234',
      '6321123',
      '1381234',
      '021-12345678',
      '12812345678',
      '138123456789',
    ];
    expect(cases.map(looksLikePhone)).toEqual(cases.map((c) => normaliseMainlandPhone(c) !== null));
    expect(looksLikePhone('63211234')).toBe(false);
  });
});
