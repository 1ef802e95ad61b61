import { z } from 'zod';
import { defineEvents } from '../../platform/events/record-event.js';

/** What changes a client system of the integration API (the audit trail names the administrator). */
export const integrationEvents = defineEvents({
  'api_client.issued': {
    label: { zh: '签发对接系统密钥', en: 'API client issued' },
    data: z.object({
      name: z.string(),
      scopes: z.array(z.string()),
      callbackUrl: z.string().nullable(),
      keyId: z.string(),
    }),
  },
  'api_client.key_rotated': {
    label: { zh: '轮换对接系统密钥', en: 'API client key rotated' },
    data: z.object({
      keyId: z.string(),
      previousKeyId: z.string().nullable(),
      previousExpiresAt: z.string().nullable(),
    }),
  },
  'api_client.updated': {
    label: { zh: '修改对接系统', en: 'API client changed' },
    data: z.object({
      name: z.string(),
      scopes: z.array(z.string()),
      callbackUrl: z.string().nullable(),
      ratePerMinute: z.number().int(),
    }),
  },
  'api_client.revoked': {
    label: { zh: '吊销对接系统', en: 'API client revoked' },
    data: z.object({ name: z.string() }),
  },
});

/** The subject of a client system's events. */
export function clientSubject(c: { id: string; name: string }) {
  return { subjectType: 'api_client', subjectId: c.id, subjectLabel: c.name };
}
