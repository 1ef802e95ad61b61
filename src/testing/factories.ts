/**
 * Test data made through the product's own API, so a test states what it needs instead of
 * depending on the demo data's ids and counts. Each `buildX` takes an API client signed in with
 * the rights to make X (usually the demo `admin`: `await t.as('admin')`, or an HTTP client in the
 * e2e tests) and overrides for any field; the defaults are unique, valid values. Each fails the
 * test with the API's own message when the API refuses.
 */

/** What the factories need of a client: `TestClient` (in-process) or an HTTP client (e2e). */
export interface FactoryClient {
  post(url: string, json?: unknown): Promise<{ statusCode: number; json(): any }>;
}

let seq = 0;
/** A value no other factory call in this process returns (a-z, 0-9). */
export function uniqueSuffix(): string {
  seq += 1;
  return `${seq.toString(36)}${Math.random().toString(36).slice(2, 7)}`;
}

async function created(c: FactoryClient, url: string, body: unknown): Promise<any> {
  const res = await c.post(url, body);
  if (res.statusCode !== 201 && res.statusCode !== 200)
    throw new Error(`POST ${url} → ${res.statusCode}: ${JSON.stringify(res.json())}`);
  return res.json();
}

export interface BuiltDepartment {
  id: string;
  code: string;
  nameZh: string;
}

export async function buildDepartment(
  admin: FactoryClient,
  overrides: Partial<{
    code: string;
    nameZh: string;
    nameEn: string;
    kind: 'office' | 'owner' | 'hotline' | 'service';
  }> = {},
): Promise<BuiltDepartment> {
  const s = uniqueSuffix();
  return created(admin, '/api/departments', {
    code: `dept-${s}`,
    nameZh: `测试处${s}`,
    nameEn: `Test Division ${s}`,
    kind: 'owner',
    ...overrides,
  });
}

export interface BuiltUser {
  id: string;
  username: string;
  password: string;
}

export async function buildUser(
  admin: FactoryClient,
  overrides: Partial<{
    username: string;
    displayName: string;
    password: string;
    departmentId: string | null;
    roles: string[];
  }> = {},
): Promise<BuiltUser> {
  const s = uniqueSuffix();
  const body = { username: `user${s}`, displayName: `测试用户${s}`, password: `Pw-${s}-2026`, roles: [], ...overrides };
  const user = await created(admin, '/api/users', body);
  return { ...user, password: body.password };
}

export interface BuiltEntry {
  id: string;
  code: string;
  question: string;
  status: string;
  liveVersion: number;
}

/**
 * A knowledge entry, published (live: the bot can answer with it) unless `publish: false`.
 * Without `departmentId` or `matterId` it belongs to the client's own department.
 */
export async function buildEntry(
  admin: FactoryClient,
  overrides: Partial<{
    question: string;
    similar: string[];
    answer: string;
    category: '水利' | '供水' | '排水' | '海洋' | '其它';
    departmentId: string;
    matterId: string | null;
    tags: string[];
    validFrom: string | null;
    validUntil: string | null;
    publish: boolean;
  }> = {},
): Promise<BuiltEntry> {
  const { publish = true, ...fields } = overrides;
  const s = uniqueSuffix();
  const entry = await created(admin, '/api/kb/entries', {
    question: `测试问题${s}怎么办理？`,
    answer: `<p>测试答复${s}。</p>`,
    category: '其它',
    ...fields,
  });
  if (!publish) return entry;
  await created(admin, `/api/kb/entries/${entry.id}/submit`, {});
  return created(admin, `/api/kb/entries/${entry.id}/publish`, {});
}
