import { z } from 'zod';

/** Shapes shared by every domain's answers. */
export const ZBilingual = z.object({ zh: z.string(), en: z.string() });

/** The answer of a command that has nothing else to say. */
export const ZOk = z.object({ ok: z.boolean() });
export type TOk = z.infer<typeof ZOk>;

/** `{ items }`: a whole list. */
export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
/** `{ total, items }`: one page of a longer list. */
export const pageOf = <T extends z.ZodType>(item: T) => z.object({ total: z.number().int(), items: z.array(item) });
/** A file download (CSV, XLSX, JSON lines): the body is the file itself. */
export const ZFile = z
  .custom<string | Uint8Array>((v) => typeof v === 'string' || v instanceof Uint8Array)
  .describe('file download (CSV, XLSX or JSON lines); see the content-type header');

/** Every failure: `{ error: { code, message, messages, details, requestId } }` (src/platform/errors.ts). */
export const ZErrorResponse = z
  .object({
    error: z.object({
      code: z.string().describe('stable error code, e.g. VALIDATION_FAILED, NOT_FOUND'),
      message: z.string().describe("in the caller's language"),
      messages: ZBilingual,
      details: z.unknown().optional(),
      requestId: z.string(),
    }),
  })
  .describe('Error');
export type TErrorResponse = z.infer<typeof ZErrorResponse>;

/** One page of a list, as `pageOf` answers it. */
export interface TPage<T> {
  total: number;
  items: T[];
}
