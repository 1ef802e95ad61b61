import { z } from 'zod';

export const ZConvId = z.object({ id: z.string().min(1).max(64) });
export const ZAfter = z.object({ after: z.coerce.number().int().min(0).default(0) });
export const ZTranscriptQuery = z.object({ format: z.enum(['txt', 'pdf']).default('txt') });
export const ZUploadQuery = z.object({
  clientId: z.string().min(8).max(64),
  name: z.string().min(1).max(200),
});
export const ZReadBody = z.object({ seq: z.number().int().min(0) });
/** mine: held by me (and, for a business agent, my department's waiting ones); all: supervisors */
export const ZAgentListQuery = z.object({
  scope: z.enum(['mine', 'department', 'all']).default('mine'),
  status: z.enum(['open', 'closed']).default('open'),
});
export const ZMaxChats = z.object({ maxChatsPerAgent: z.number().int().min(1).max(50) });
