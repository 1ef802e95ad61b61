import { z } from 'zod';
import { listOf } from './common.js';
import { API_CLIENT_STATUSES, API_SCOPES } from './enums/integrations.js';

/** One key of a client system: only its last characters are ever shown again. */
export const ZApiClientKey = z.object({
  id: z.string(),
  hint: z.string(),
  createdAt: z.string(),
  /** null: the current key; otherwise the end of its grace period after a rotation */
  expiresAt: z.string().nullable(),
  active: z.boolean(),
});

/** A client system of the integration API as the administrator sees it. */
export const ZApiClient = z.object({
  id: z.string(),
  name: z.string(),
  scopes: z.array(z.enum(API_SCOPES)),
  callbackUrl: z.string().nullable(),
  ratePerMinute: z.number().int(),
  status: z.enum(API_CLIENT_STATUSES),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  keys: z.array(ZApiClientKey),
});
export type TApiClient = z.infer<typeof ZApiClient>;
export const ZApiClientList = listOf(ZApiClient);

/** The answer to issuing or rotating: the key and its signing secret, shown this once and never again. */
export const ZIssuedCredentials = z.object({
  client: ZApiClient,
  key: z.string(),
  signingSecret: z.string(),
  /** after a rotation: until when the previous key still works */
  previousKeyExpiresAt: z.string().nullable(),
});
export type TIssuedCredentials = z.infer<typeof ZIssuedCredentials>;

/** The answer to a 12345 push: the order received (201) or the one an earlier push made (200, duplicate). */
export const ZHotlinePushReceipt = z.object({
  id: z.string(),
  number: z.string(),
  orderNo: z.string(),
  dueAt: z.string(),
  duplicate: z.boolean(),
});
export type THotlinePushReceipt = z.infer<typeof ZHotlinePushReceipt>;
