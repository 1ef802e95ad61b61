import type { DeliveryChannelDefinition } from '../notifications/delivery/channel-registry.js';
import { signPayload, signingSecretOf } from './api-keys.js';
import { CLIENT_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './client-auth.js';
import { findClient, workingKeys } from './clients.repo.js';

/** How long a client system may take to answer a callback before it counts as failed (and is retried). */
export const CALLBACK_TIMEOUT_MS = 5_000;

/**
 * The outbox channel `api_callback`: a result POSTed as JSON to the client's callback address,
 * signed like the client's own HMAC requests (with every working key's secret, so a client in
 * the middle of a rotation can check either), with the result's idempotency key as a header.
 * The address and keys are read when sending, so a changed address or a rotation applies to
 * retries; a revoked client gets nothing more (the message becomes a dead letter).
 */
export function callbackChannel(deps: { secret: string; timeoutMs?: number }): DeliveryChannelDefinition {
  return {
    channel: 'api_callback',
    showTarget: (clientId) => `API client ${clientId}`,
    async send(msg, db, now) {
      const client = await findClient(db, msg.target);
      if (!client || client.status !== 'active') throw new Error('the API client is revoked');
      if (!client.callback_url) throw new Error('the API client has no callback URL');
      const keys = await workingKeys(db, client, now);
      if (!keys.length) throw new Error('the API client has no working key');
      const timestamp = String(Math.floor(now.getTime() / 1000));
      const signature = keys
        .map((k) => signPayload(signingSecretOf(deps.secret, k.id), timestamp, msg.body))
        .join(', ');
      const { idempotencyKey } = JSON.parse(msg.body) as { idempotencyKey: string };
      const res = await fetch(client.callback_url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'idempotency-key': idempotencyKey,
          [CLIENT_HEADER]: client.id,
          [TIMESTAMP_HEADER]: timestamp,
          [SIGNATURE_HEADER]: signature,
          'x-bangban-attempt': String(msg.attempt),
        },
        body: msg.body,
        redirect: 'error',
        signal: AbortSignal.timeout(deps.timeoutMs ?? CALLBACK_TIMEOUT_MS),
      });
      await res.arrayBuffer().catch(() => undefined);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
    },
  };
}
