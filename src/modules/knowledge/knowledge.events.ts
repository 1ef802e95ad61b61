import { z } from 'zod';
import { defineEvents } from '../../platform/events/record-event.js';

const move = z.object({ code: z.string(), from: z.string(), to: z.string() });

/** What the knowledge base records: the review workflow, versions, imports, policies, proposals, terms. */
export const knowledgeEvents = defineEvents({
  'kb.entry_created': {
    label: { zh: '新建知识条目', en: 'KB entry created' },
    data: z.object({ code: z.string(), question: z.string().optional(), fromProposal: z.string().optional() }),
  },
  'kb.entry_updated': {
    label: { zh: '修改知识条目', en: 'KB entry updated' },
    data: move.extend({ fields: z.array(z.string()), reason: z.string().optional() }),
  },
  'kb.entry_submitted': { label: { zh: '提交审核', en: 'KB entry submitted' }, data: move },
  'kb.entry_withdrawn': { label: { zh: '撤回审核', en: 'KB entry withdrawn' }, data: move },
  'kb.entry_returned': {
    label: { zh: '退回修改', en: 'KB entry returned' },
    data: move.extend({ comment: z.string() }),
  },
  'kb.entry_published': {
    label: { zh: '发布知识条目', en: 'KB entry published' },
    data: z.object({
      code: z.string(),
      version: z.number().int(),
      previousVersion: z.number().int(),
      from: z.string().optional(),
      to: z.string().optional(),
    }),
  },
  'kb.entry_archived': {
    label: { zh: '归档知识条目', en: 'KB entry archived' },
    data: move.extend({ liveVersion: z.number().int() }),
  },
  'kb.entry_restored': {
    label: { zh: '恢复知识条目', en: 'KB entry restored' },
    data: move.extend({ fromVersion: z.number().int().optional() }),
  },
  'kb.imported': {
    label: { zh: '导入知识库', en: 'KB imported' },
    data: z
      .object({ total: z.number().int(), created: z.number().int(), updated: z.number().int(), rebuild: z.boolean() })
      .loose(),
  },
  'kb.demo_seeded': {
    label: { zh: '导入演示知识库', en: 'Demo KB loaded' },
    data: z.object({ entries: z.number().int() }),
  },
  'kb.policy_created': {
    label: { zh: '登记政策文件', en: 'Policy registered' },
    data: z.object({
      title: z.string(),
      effectiveDate: z.string(),
      publishBy: z.string(),
      entryIds: z.array(z.string()),
    }),
  },
  'kb.policy_updated': {
    label: { zh: '修改政策文件', en: 'Policy updated' },
    data: z.object({ changes: z.record(z.string(), z.unknown()), publishBy: z.string() }),
  },
  'kb.policy_reminder': {
    label: { zh: '政策问答发布提醒', en: 'Policy Q&A reminder' },
    data: z.object({
      title: z.string(),
      publishBy: z.string(),
      effectiveDate: z.string(),
      status: z.string(),
      workingDaysLeft: z.number().int(),
      unpublished: z.array(z.string()),
    }),
  },
  'kb.proposal_created': {
    label: { zh: '提交知识提议', en: 'KB proposal made' },
    data: z.object({ source: z.string(), question: z.string() }),
  },
  'kb.proposal_accepted': {
    label: { zh: '采纳知识提议', en: 'KB proposal accepted' },
    data: z.object({ entryId: z.string().nullable() }),
  },
  'kb.proposal_rejected': {
    label: { zh: '不采纳知识提议', en: 'KB proposal rejected' },
    data: z.object({ note: z.string().nullable().optional() }),
  },
  'kb.terms_updated': {
    label: { zh: '修改词典或同义词', en: 'Dictionary or synonyms changed' },
    data: z.object({
      action: z.enum(['added', 'updated', 'deleted']),
      kind: z.string(),
      value: z.string().nullable(),
      from: z.string().optional(),
    }),
  },
});
