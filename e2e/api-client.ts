import type { FactoryClient } from '../src/testing/factories.js';

/**
 * A signed-in API client over real HTTP for the browser tests (like `TestClient` in-process): keeps
 * the cookies and sends the CSRF header as the web app does. Usable with src/testing/factories.ts.
 */
export async function apiClient(
  baseUrl: string,
  username: string,
  password: string,
): Promise<FactoryClient & { get(url: string): Promise<{ statusCode: number; json(): any }> }> {
  const cookies = new Map<string, string>();
  const request = async (method: string, url: string, json?: unknown) => {
    const headers: Record<string, string> = { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
    if (cookies.has('bb_csrf')) headers['x-csrf-token'] = decodeURIComponent(cookies.get('bb_csrf')!);
    if (json !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${baseUrl}${url}`, {
      method,
      headers,
      body: json === undefined ? undefined : JSON.stringify(json),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair.indexOf('=');
      cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    const body = await res.text();
    return { statusCode: res.status, json: () => (body ? JSON.parse(body) : null) };
  };
  await request('GET', '/healthz');
  const login = await request('POST', '/api/auth/login', { username, password });
  if (login.statusCode !== 200) throw new Error(`login ${username} failed: ${login.statusCode}`);
  return { post: (url, json) => request('POST', url, json ?? {}), get: (url) => request('GET', url) };
}
