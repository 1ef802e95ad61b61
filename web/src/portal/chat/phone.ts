/**
 * The check the message form makes before sending, the same rule as the server's
 * (src/platform/privacy/phone.ts): a mainland mobile, or a landline with its area code. A bare
 * local number is refused: a call back across the country needs the area code.
 */
const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?[2-9]\d{6,7})$/;

export function looksLikePhone(input: string): boolean {
  return PHONE.test(input.trim());
}
