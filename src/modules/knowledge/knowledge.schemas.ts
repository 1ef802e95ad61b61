import { z } from 'zod';
import { CATEGORIES } from '../org/org.schemas.js';

export { CATEGORIES };
export { KB_STATUSES, type KbStatus } from '../../contracts/enums.js';
import {
  KB_STATUSES,
  POLICY_STATUSES,
  PROPOSAL_SOURCES,
  PROPOSAL_STATUSES,
  TERM_KINDS,
} from '../../contracts/enums.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
export const ZId = z.object({ id: z.string().min(1).max(64) });
export const ZCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{1,60}$/, 'letters, digits, _ . -');

const entryFields = {
  question: text(500),
  similar: z.array(text(500)).max(200),
  answer: text(100_000),
  matterId: z.string().min(1).max(64).nullable().optional(),
  category: z.enum(CATEGORIES),
  departmentId: z.string().min(1).max(64).optional(),
  tags: z.array(text(30)).max(20),
  validFrom: ZDate.nullable().optional(),
  validUntil: ZDate.nullable().optional(),
};
const validRange = (e: { validFrom?: string | null; validUntil?: string | null }) =>
  !e.validFrom || !e.validUntil || e.validFrom <= e.validUntil;
const RANGE_MSG = { message: 'validUntil must not be before validFrom', path: ['validUntil'] };

export const ZCreateEntry = z
  .object({
    code: ZCode.optional(),
    ...entryFields,
    similar: entryFields.similar.default([]),
    tags: entryFields.tags.default([]),
  })
  .refine(validRange, RANGE_MSG);
export type TCreateEntry = z.infer<typeof ZCreateEntry>;
export const ZUpdateEntry = z.object(entryFields).partial().refine(validRange, RANGE_MSG);
export type TUpdateEntry = z.infer<typeof ZUpdateEntry>;

export const ZListEntries = z.object({
  q: z.string().max(60).optional(),
  status: z.enum(KB_STATUSES).optional(),
  departmentId: z.string().max(64).optional(),
  matterId: z.string().max(64).optional(),
  category: z.enum(CATEGORIES).optional(),
  tag: z.string().max(30).optional(),
  policyId: z.string().max(64).optional(),
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type TListEntries = z.infer<typeof ZListEntries>;

export const ZComment = z.object({ comment: z.string().trim().max(1000).optional() }).nullish();
export const ZReturn = z.object({ comment: text(1000) });
export const ZVersionParams = z.object({ id: z.string().min(1).max(64), version: z.coerce.number().int().min(1) });
export const ZDiffQuery = z.object({
  from: z.coerce.number().int().min(1),
  to: z.union([z.literal('working'), z.coerce.number().int().min(1)]).default('working'),
});

export const ZImport = z.object({
  format: z.enum(['jsonl', 'xlsx']),
  content: z.string().min(1).max(40_000_000),
  mode: z.enum(['draft', 'publish']).default('draft'),
});
export type TImport = z.infer<typeof ZImport>;
export const ZExport = ZListEntries.omit({ page: true, pageSize: true }).extend({
  format: z.enum(['jsonl', 'xlsx']).default('jsonl'),
});

export const ZPolicyDocument = z.object({
  title: text(200),
  docNumber: z.string().trim().max(100).nullable().optional(),
  draftingDepartmentId: z.string().min(1).max(64).optional(),
  effectiveDate: ZDate,
  entryIds: z.array(z.string().min(1).max(64)).max(200).default([]),
});
export type TPolicyDocument = z.infer<typeof ZPolicyDocument>;
export const ZUpdatePolicyDocument = ZPolicyDocument.partial();
export type TUpdatePolicyDocument = z.infer<typeof ZUpdatePolicyDocument>;
export const ZListPolicies = z.object({ status: z.enum(POLICY_STATUSES).optional() });

export { PROPOSAL_SOURCES };
export const ZProposal = z.object({
  source: z.enum(PROPOSAL_SOURCES),
  sourceRef: z.string().max(100).nullable().optional(),
  question: text(500),
  answer: text(20_000),
  matterId: z.string().min(1).max(64).nullable().optional(),
  departmentId: z.string().min(1).max(64).nullable().optional(),
});
export type TProposal = z.infer<typeof ZProposal>;
export const ZListProposals = z.object({ status: z.enum(PROPOSAL_STATUSES).optional() });
export const ZReject = z.object({ note: text(1000) });

export { TERM_KINDS };
export const ZTerm = z.object({ kind: z.enum(TERM_KINDS), value: text(500) });
export const ZUpdateTerm = z.object({ value: text(500) });
export const ZListTerms = z.object({ kind: z.enum(TERM_KINDS).optional(), q: z.string().max(60).optional() });
