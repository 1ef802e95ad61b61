/** The knowledge base's workflow, policy, proposal and dictionary values (SPEC §3.8). */
import type { Bilingual } from './common.js';

/** The review workflow of a knowledge entry (SPEC §3.8). */
export const KB_STATUSES = ['draft', 'submitted', 'published', 'returned', 'archived'] as const;

export type KbStatus = (typeof KB_STATUSES)[number];

export const KB_STATUS_LABELS: Record<KbStatus, Bilingual> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '待审核', en: 'Awaiting review' },
  published: { zh: '已发布', en: 'Published' },
  returned: { zh: '已退回', en: 'Returned' },
  archived: { zh: '已归档', en: 'Archived' },
};

export const KB_ACTIONS = [
  'edit',
  'submit',
  'withdraw',
  'publish',
  'return',
  'archive',
  'reopen',
  'restore_version',
] as const;

export type KbAction = (typeof KB_ACTIONS)[number];

/** Where a policy document stands against the 15-working-day rule (art. 15). */
export const POLICY_STATUSES = ['upcoming', 'due_soon', 'late', 'on_time'] as const;

export type PolicyStatus = (typeof POLICY_STATUSES)[number];

export const POLICY_STATUS_LABELS: Record<PolicyStatus, Bilingual> = {
  upcoming: { zh: '未到期', en: 'Upcoming' },
  due_soon: { zh: '即将到期', en: 'Due soon' },
  late: { zh: '已逾期', en: 'Late' },
  on_time: { zh: '已按时发布', en: 'Published on time' },
};

export const PROPOSAL_STATUSES = ['open', 'accepted', 'rejected'] as const;

export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export const PROPOSAL_STATUS_LABELS: Record<ProposalStatus, Bilingual> = {
  open: { zh: '待处理', en: 'Open' },
  accepted: { zh: '已采纳', en: 'Accepted' },
  rejected: { zh: '未采纳', en: 'Rejected' },
};

export const PROPOSAL_SOURCES = ['live_help', 'phone', 'staff', 'bot'] as const;

export type ProposalSource = (typeof PROPOSAL_SOURCES)[number];

export const PROPOSAL_SOURCE_LABELS: Record<ProposalSource, Bilingual> = {
  live_help: { zh: '线上人工帮办', en: 'Live help' },
  phone: { zh: '电话咨询', en: 'Phone' },
  staff: { zh: '工作人员', en: 'Staff' },
  bot: { zh: '小申', en: 'Bot' },
};

export const TERM_KINDS = ['dictionary', 'synonym'] as const;

export type TermKind = (typeof TERM_KINDS)[number];
