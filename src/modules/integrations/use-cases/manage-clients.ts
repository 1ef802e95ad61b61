import type { DbOrTrx, Db } from '../../../platform/db/connect.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { recordEvent, type Actor } from '../../../platform/events/record-event.js';
import { newId } from '../../../platform/ids.js';
import type { TApiClient, TIssuedCredentials } from '../../../contracts/integrations.js';
import {
  API_CLIENT_STATUS_LABELS,
  KEY_GRACE_HOURS,
  type ApiClientStatus,
} from '../../../contracts/enums/integrations.js';
import { transition } from '../../../platform/state-machine/state-machine.js';
import { API_CLIENT_MACHINE } from '../transitions.js';
import { hashApiKey, keyHint, newApiKey, signingSecretOf } from '../api-keys.js';
import { findClient, keysOf, keyWorks, presentClient, type ClientRow } from '../clients.repo.js';
import { clientSubject } from '../integrations.events.js';
import type { TSaveClient } from '../integrations.schemas.js';

const CLIENT = { zh: '对接系统', en: 'API client' };
export const KEY_GRACE_MS = KEY_GRACE_HOURS * 3600_000;

interface Deps {
  db: Db;
  /** the server's secret, from which each key's signing secret is derived */
  secret: string;
}

async function addKey(trx: DbOrTrx, clientId: string, now: Date) {
  const key = newApiKey(clientId);
  const id = newId();
  await trx
    .insertInto('api_client_keys')
    .values({
      id,
      client_id: clientId,
      key_hash: hashApiKey(key),
      hint: keyHint(key),
      created_at: now.toISOString(),
      expires_at: null,
    })
    .execute();
  return { id, key };
}

async function present(trx: DbOrTrx, c: ClientRow, now: Date): Promise<TApiClient> {
  return presentClient(c, await keysOf(trx, c.id), now);
}

async function requireActive(trx: DbOrTrx, id: string): Promise<ClientRow> {
  const c = await findClient(trx, id);
  if (!c) throw notFound(CLIENT);
  if (c.status !== 'active')
    throw new AppError(
      'INVALID_TRANSITION',
      { zh: '该对接系统已吊销，不能再修改或轮换密钥。', en: 'This API client is revoked; it cannot be changed.' },
      { current: c.status, currentLabel: API_CLIENT_STATUS_LABELS.revoked },
    );
  return c;
}

/** Issues a client system with its first key; the key and signing secret are in this answer only. */
export async function issueClient(
  deps: Deps,
  actor: Actor,
  now: Date,
  input: TSaveClient,
): Promise<TIssuedCredentials> {
  return deps.db.transaction().execute(async (trx) => {
    const id = newId();
    const at = now.toISOString();
    const row: ClientRow = {
      id,
      name: input.name,
      scopes: JSON.stringify(input.scopes),
      callback_url: input.callbackUrl || null,
      rate_per_minute: input.ratePerMinute,
      status: 'active',
      created_by: actor.userId,
      created_at: at,
      updated_at: at,
      revoked_at: null,
    };
    await trx.insertInto('api_clients').values(row).execute();
    const k = await addKey(trx, id, now);
    await recordEvent(trx, actor, now, {
      type: 'api_client.issued',
      ...clientSubject(row),
      data: { name: row.name, scopes: input.scopes, callbackUrl: row.callback_url, keyId: k.id },
    });
    return {
      client: await present(trx, row, now),
      key: k.key,
      signingSecret: signingSecretOf(deps.secret, k.id),
      previousKeyExpiresAt: null,
    };
  });
}

/**
 * A new key for a client (a leak, a routine change): the current key keeps working for
 * KEY_GRACE_HOURS so the client system can switch without an outage; a key already in its grace
 * period stops now (never more than two keys at once).
 */
export async function rotateKey(deps: Deps, actor: Actor, now: Date, clientId: string): Promise<TIssuedCredentials> {
  return deps.db.transaction().execute(async (trx) => {
    const c = await requireActive(trx, clientId);
    const working = (await keysOf(trx, clientId)).filter((k) => keyWorks(k, now));
    const current = working.find((k) => k.expires_at === null) ?? null;
    const at = now.toISOString();
    const graceEnd = new Date(now.getTime() + KEY_GRACE_MS).toISOString();
    for (const k of working) {
      await trx
        .updateTable('api_client_keys')
        .set({ expires_at: k.id === current?.id ? graceEnd : at })
        .where('id', '=', k.id)
        .execute();
    }
    await trx.updateTable('api_clients').set({ updated_at: at }).where('id', '=', clientId).execute();
    const k = await addKey(trx, clientId, now);
    await recordEvent(trx, actor, now, {
      type: 'api_client.key_rotated',
      ...clientSubject(c),
      data: { keyId: k.id, previousKeyId: current?.id ?? null, previousExpiresAt: current ? graceEnd : null },
    });
    return {
      client: await present(trx, c, now),
      key: k.key,
      signingSecret: signingSecretOf(deps.secret, k.id),
      previousKeyExpiresAt: current ? graceEnd : null,
    };
  });
}

/** Changes a client's name, scopes, callback address or rate (its keys stay). */
export async function updateClient(
  db: Db,
  actor: Actor,
  now: Date,
  clientId: string,
  input: TSaveClient,
): Promise<TApiClient> {
  return db.transaction().execute(async (trx) => {
    const c = await requireActive(trx, clientId);
    const set = {
      name: input.name,
      scopes: JSON.stringify(input.scopes),
      callback_url: input.callbackUrl || null,
      rate_per_minute: input.ratePerMinute,
      updated_at: now.toISOString(),
    };
    await trx.updateTable('api_clients').set(set).where('id', '=', clientId).execute();
    await recordEvent(trx, actor, now, {
      type: 'api_client.updated',
      ...clientSubject({ id: c.id, name: input.name }),
      data: {
        name: input.name,
        scopes: input.scopes,
        callbackUrl: set.callback_url,
        ratePerMinute: input.ratePerMinute,
      },
    });
    return present(trx, { ...c, ...set }, now);
  });
}

/** Revokes a client: every key stops at once (no grace), no further callbacks are sent to it. */
export async function revokeClient(db: Db, actor: Actor, now: Date, clientId: string): Promise<TApiClient> {
  return db.transaction().execute(async (trx) => {
    const at = now.toISOString();
    const { row } = await transition<ApiClientStatus, 'revoke', ClientRow>(trx, API_CLIENT_MACHINE, {
      id: clientId,
      action: 'revoke',
      actor,
      now,
      set: () => ({ revoked_at: at, updated_at: at }),
      event: (c) => ({ type: 'api_client.revoked', ...clientSubject(c), data: { name: c.name } }),
    });
    await trx
      .updateTable('api_client_keys')
      .set({ expires_at: at })
      .where('client_id', '=', clientId)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', at)]))
      .execute();
    return present(trx, { ...row, status: 'revoked', revoked_at: at, updated_at: at }, now);
  });
}
