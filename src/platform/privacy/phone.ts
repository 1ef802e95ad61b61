import { z } from 'zod';

/** A mainland mobile number: 11 digits, 13x–19x (13812345678); "+86" / "86" in front is dropped. */
const MOBILE = /^1[3-9]\d{9}$/;
/**
 * A landline with its area code: 0 + 2–3 digits (010, 021, 0571), then a 7–8 digit local number
 * that never starts with 0 or 1 (021-63211234, 057188001234). A bare local number is refused:
 * a callback across the country needs the area code, and 1381234 is no phone at all.
 */
const LANDLINE = /^(0\d{2,3})-?([2-9]\d{6,7})$/;

/** The number in its stored form (spaces dropped, +86 dropped, landline as area-local), or null when invalid. */
export function normaliseMainlandPhone(input: string): string | null {
  const s = input.replace(/[\s()]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '');
  if (MOBILE.test(s)) return s;
  const m = LANDLINE.exec(s);
  if (!m) return null;
  // without a hyphen the split is ambiguous (021+8 or 0571+7 digits): Beijing, Shanghai, Tianjin,
  // Chongqing and the 02x big cities have 3-digit codes, the rest 4
  const digits = m[1] + m[2];
  const areaLen = /^0(10|2\d)/.test(digits) ? 3 : 4;
  const local = digits.slice(areaLen);
  return /^[2-9]\d{6,7}$/.test(local) ? `${digits.slice(0, areaLen)}-${local}` : null;
}

/** A citizen's phone number at the edge: a mainland mobile or a landline with area code. */
export const ZMainlandPhone = z.string().transform((v, ctx) => {
  const phone = normaliseMainlandPhone(v);
  if (phone) return phone;
  ctx.addIssue({ code: 'custom', message: 'mobile (13812345678) or landline with area code (021-63211234)' });
  return z.NEVER;
});
