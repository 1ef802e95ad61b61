/**
 * Phone numbers in lists hide the middle and keep their real length: a mobile keeps its first 3
 * and last 4 digits (138****5678), a landline its area code and last 4 (021-****1234). A number
 * of another form (older rows) keeps at most its last 4, and only when it is long enough, so a
 * masked short number never looks like a valid mobile.
 */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return phone ?? null;
  const p = phone.replace(/\s/g, '');
  const stars = (n: number) => '*'.repeat(Math.max(0, n));
  if (/^1\d{10}$/.test(p)) return `${p.slice(0, 3)}****${p.slice(-4)}`;
  const landline = /^(0\d{2,3})-(\d{7,8})$/.exec(p);
  if (landline) return `${landline[1]}-${stars(landline[2].length - 4)}${landline[2].slice(-4)}`;
  const keep = p.length >= 10 ? 4 : p.length >= 6 ? 2 : 0;
  return `${stars(p.length - keep)}${p.slice(p.length - keep)}`;
}

/** Identity numbers in lists keep the first 6 and last 4 characters (310101********1234). */
export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return id ?? null;
  if (id.length <= 10) return '*'.repeat(id.length);
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}
