import { z } from 'zod';
import { API_SCOPES } from '../../contracts/enums/integrations.js';

const ZCallbackUrl = z
  .string()
  .trim()
  .max(1000)
  .url()
  .refine((u) => /^https?:\/\//i.test(u), { message: 'http(s) only' });

/** An administrator's description of a client system (issue and change). */
export const ZSaveClient = z.object({
  name: z.string().trim().min(2).max(100),
  scopes: z.array(z.enum(API_SCOPES)).min(1).max(API_SCOPES.length),
  /** where the results of its orders are sent (a signed JSON POST); empty = none */
  callbackUrl: z
    .union([ZCallbackUrl, z.literal('')])
    .nullable()
    .optional(),
  /** requests per minute this system may make (per node) */
  ratePerMinute: z.number().int().min(10).max(100_000).default(3000),
});
export type TSaveClient = z.infer<typeof ZSaveClient>;

export const ZClientId = z.object({ id: z.string().min(1).max(64) });
