import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../../platform/db/connect.js';
import type { ApiClientKeyTable, ApiClientTable } from '../../platform/db/schema.js';
import type { TApiClient } from '../../contracts/integrations.js';
import type { ApiClientStatus, ApiScope } from '../../contracts/enums/integrations.js';

export type ClientRow = Selectable<ApiClientTable>;
export type KeyRow = Selectable<ApiClientKeyTable>;

/** A key works while its client is active and its grace period (if any) has not ended. */
export function keyWorks(k: Pick<KeyRow, 'expires_at'>, now: Date): boolean {
  return k.expires_at === null || k.expires_at > now.toISOString();
}

export async function findClient(db: DbOrTrx, id: string): Promise<ClientRow | undefined> {
  return db.selectFrom('api_clients').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The client's keys, newest first. */
export async function keysOf(db: DbOrTrx, clientId: string): Promise<KeyRow[]> {
  return db
    .selectFrom('api_client_keys')
    .selectAll()
    .where('client_id', '=', clientId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** The keys that still work (at most the current one and the one in its grace period), newest first. */
export async function workingKeys(db: DbOrTrx, client: ClientRow, now: Date): Promise<KeyRow[]> {
  if (client.status !== 'active') return [];
  return (await keysOf(db, client.id)).filter((k) => keyWorks(k, now));
}

export function scopesOf(c: Pick<ClientRow, 'scopes'>): ApiScope[] {
  return JSON.parse(c.scopes) as ApiScope[];
}

/** A client for the admin screen: never a key, only each key's last characters. */
export function presentClient(c: ClientRow, keys: KeyRow[], now: Date): TApiClient {
  return {
    id: c.id,
    name: c.name,
    scopes: scopesOf(c),
    callbackUrl: c.callback_url,
    ratePerMinute: c.rate_per_minute,
    status: c.status as ApiClientStatus,
    createdAt: c.created_at,
    revokedAt: c.revoked_at,
    keys: keys.map((k) => ({
      id: k.id,
      hint: k.hint,
      createdAt: k.created_at,
      expiresAt: k.expires_at,
      active: c.status === 'active' && keyWorks(k, now),
    })),
  };
}

/** Every client with its keys, newest first (a handful of rows: no paging). */
export async function listClients(db: DbOrTrx, now: Date): Promise<TApiClient[]> {
  const clients = await db.selectFrom('api_clients').selectAll().orderBy('created_at', 'desc').execute();
  const keys = clients.length
    ? await db
        .selectFrom('api_client_keys')
        .selectAll()
        .where(
          'client_id',
          'in',
          clients.map((c) => c.id),
        )
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute()
    : [];
  return clients.map((c) =>
    presentClient(
      c,
      keys.filter((k) => k.client_id === c.id),
      now,
    ),
  );
}
