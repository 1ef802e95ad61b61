import { z } from 'zod';
import { listOf, pageOf } from './common.js';
import {
  KB_ACTIONS,
  KB_STATUSES,
  MATTER_CATEGORIES,
  POLICY_STATUSES,
  PROPOSAL_SOURCES,
  PROPOSAL_STATUSES,
  TERM_KINDS,
} from './enums.js';

/** Answers of the knowledge base (SPEC §3.8): entries, versions, policies, proposals, terms, figures. */

export const ZEntryStats = z.object({
  shown: z.number(),
  solved: z.number(),
  unsolved: z.number(),
  solveRate: z.number().nullable(),
  lastReviewedAt: z.string().nullable(),
});
export type TEntryStats = z.infer<typeof ZEntryStats>;

export const ZKbEntry = z.object({
  id: z.string(),
  code: z.string(),
  question: z.string(),
  similar: z.array(z.string()),
  answer: z.string(),
  matterId: z.string().nullable(),
  matterCode: z.string().nullable(),
  matterName: z.string().nullable(),
  category: z.enum(MATTER_CATEGORIES),
  departmentId: z.string(),
  departmentName: z.string().nullable(),
  tags: z.array(z.string()),
  validFrom: z.string().nullable(),
  validUntil: z.string().nullable(),
  status: z.enum(KB_STATUSES),
  liveVersion: z.number().nullable(),
  reviewComment: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
  stats: ZEntryStats,
  actions: z.array(z.enum(KB_ACTIONS)),
});
export type TKbEntry = z.infer<typeof ZKbEntry>;
export const ZKbEntryPage = pageOf(ZKbEntry);

/** One entry with what the editor page needs besides: its version count and linked policies. */
export const ZKbEntryDetail = ZKbEntry.extend({
  versionCount: z.number().optional(),
  policies: z.array(z.object({ id: z.string(), title: z.string(), effectiveDate: z.string(), publishBy: z.string() })),
});
export type TKbEntryDetail = z.infer<typeof ZKbEntryDetail>;

export const ZKbVersion = z.object({
  version: z.number(),
  question: z.string(),
  similar: z.array(z.string()),
  answer: z.string(),
  matterId: z.string().nullable(),
  category: z.string(),
  tags: z.array(z.string()),
  validFrom: z.string().nullable(),
  validUntil: z.string().nullable(),
  authorId: z.string().nullable(),
  authorName: z.string().nullable(),
  reviewerId: z.string().nullable(),
  reviewerName: z.string().nullable(),
  publishedAt: z.string(),
  note: z.string().nullable(),
});
export type TKbVersion = z.infer<typeof ZKbVersion>;
export const ZKbVersionList = listOf(ZKbVersion);

export const ZDiffSegment = z.object({ value: z.string(), added: z.boolean(), removed: z.boolean() });
export type TDiffSegment = z.infer<typeof ZDiffSegment>;
export const ZEntryDiff = z.object({
  from: z.number(),
  to: z.union([z.number(), z.literal('working')]),
  changed: z.array(z.string()),
  fields: z.record(z.string(), z.array(ZDiffSegment)),
});
export type TEntryDiff = z.infer<typeof ZEntryDiff>;

export const ZImportSummary = z.object({
  format: z.enum(['jsonl', 'xlsx']),
  mode: z.enum(['draft', 'publish']),
  total: z.number(),
  created: z.number(),
  updated: z.number(),
  published: z.number(),
  ms: z.number(),
});
export type TImportSummary = z.infer<typeof ZImportSummary>;

export const ZPolicyDoc = z.object({
  id: z.string(),
  title: z.string(),
  docNumber: z.string().nullable(),
  draftingDepartmentId: z.string(),
  draftingDepartmentName: z.string().nullable(),
  effectiveDate: z.string(),
  publishBy: z.string(),
  remindedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  status: z.enum(POLICY_STATUSES),
  allPublished: z.boolean(),
  lastPublishedOn: z.string().nullable(),
  workingDaysLeft: z.number().nullable(),
  entries: z.array(z.object({ id: z.string(), published: z.boolean(), firstPublishedAt: z.string().nullable() })),
});
export type TPolicyDoc = z.infer<typeof ZPolicyDoc>;
export const ZPolicyDocList = listOf(ZPolicyDoc);
export const ZPolicyAttention = z.object({ late: z.array(ZPolicyDoc), upcoming: z.array(ZPolicyDoc) });

export const ZKbProposal = z.object({
  id: z.string(),
  source: z.enum(PROPOSAL_SOURCES),
  sourceRef: z.string().nullable(),
  question: z.string(),
  answer: z.string(),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  matterId: z.string().nullable(),
  status: z.enum(PROPOSAL_STATUSES),
  entryId: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
});
export type TKbProposal = z.infer<typeof ZKbProposal>;
export const ZKbProposalList = listOf(ZKbProposal);
export const ZKbProposalAccepted = z.object({ proposal: ZKbProposal, entry: ZKbEntry });
export const ZKbProposalRejected = z.object({ proposal: ZKbProposal });

export const ZBriefEntry = z.object({
  id: z.string(),
  code: z.string(),
  question: z.string(),
  departmentId: z.string(),
  departmentName: z.string().nullable(),
  status: z.enum(KB_STATUSES),
  stats: ZEntryStats,
});
export type TBriefEntry = z.infer<typeof ZBriefEntry>;
export const ZBriefEntryList = listOf(ZBriefEntry);

export const ZKbTerm = z.object({ id: z.string(), kind: z.enum(TERM_KINDS), value: z.string(), updatedAt: z.string() });
export type TKbTerm = z.infer<typeof ZKbTerm>;
export const ZKbTermList = listOf(ZKbTerm);
