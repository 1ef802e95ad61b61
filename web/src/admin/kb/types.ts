import type { Bilingual, MatterCategory } from '../../api/types.js';

export type EntryStatus = 'draft' | 'submitted' | 'published' | 'returned' | 'archived';
export const ENTRY_STATUSES: EntryStatus[] = ['draft', 'submitted', 'published', 'returned', 'archived'];
export type EntryAction =
  'edit' | 'submit' | 'withdraw' | 'publish' | 'return' | 'archive' | 'reopen' | 'restore_version';

export interface EntryStats {
  shown: number;
  solved: number;
  unsolved: number;
  solveRate: number | null;
  lastReviewedAt: string | null;
}
export interface KbEntry {
  id: string;
  code: string;
  question: string;
  similar: string[];
  answer: string;
  matterId: string | null;
  matterCode: string | null;
  matterName: string | null;
  category: MatterCategory;
  departmentId: string;
  departmentName: string | null;
  tags: string[];
  validFrom: string | null;
  validUntil: string | null;
  status: EntryStatus;
  liveVersion: number | null;
  reviewComment: string | null;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  stats: EntryStats;
  actions: EntryAction[];
  versionCount?: number;
  policies?: { id: string; title: string; effectiveDate?: string; publishBy?: string; status?: PolicyStatus }[];
}
export interface KbVersion {
  version: number;
  question: string;
  similar: string[];
  answer: string;
  matterId: string | null;
  category: string;
  tags: string[];
  validFrom: string | null;
  validUntil: string | null;
  authorName: string | null;
  reviewerName: string | null;
  publishedAt: string;
  note: string | null;
}
export interface DiffSegment {
  value: string;
  added: boolean;
  removed: boolean;
}
export interface EntryDiff {
  from: number;
  to: number | 'working';
  changed: string[];
  fields: Record<string, DiffSegment[]>;
}

export type PolicyStatus = 'upcoming' | 'due_soon' | 'late' | 'on_time';
export interface PolicyDoc {
  id: string;
  title: string;
  docNumber: string | null;
  draftingDepartmentId: string;
  draftingDepartmentName: string | null;
  effectiveDate: string;
  publishBy: string;
  status: PolicyStatus;
  allPublished: boolean;
  lastPublishedOn: string | null;
  workingDaysLeft: number | null;
  entries: { id: string; published: boolean; firstPublishedAt: string | null }[];
  createdAt: string;
  updatedAt: string;
}

export type ProposalStatus = 'open' | 'accepted' | 'rejected';
export interface Proposal {
  id: string;
  source: 'live_help' | 'phone' | 'staff' | 'bot';
  sourceRef: string | null;
  question: string;
  answer: string;
  departmentId: string | null;
  departmentName: string | null;
  matterId: string | null;
  status: ProposalStatus;
  entryId: string | null;
  createdAt: string;
  decidedAt: string | null;
  decisionNote: string | null;
}

export interface Term {
  id: string;
  kind: 'dictionary' | 'synonym';
  value: string;
  updatedAt: string;
}

export interface InboxItem {
  id: string;
  question: string;
  createdAt: string;
  reason: string;
}
export interface InboxGroup {
  key: string;
  question: string;
  count: number;
  latestAt: string;
  items: InboxItem[];
  hint: { entryId: string; question: string; department: string | null } | null;
}
export interface SearchItem {
  entryId: string;
  code?: string;
  question: string;
  answerHtml: string;
  matter: string | null;
  department: string | null;
}

export interface BotStats {
  from: string;
  to: string;
  sessions: number;
  questions: number;
  answered: number;
  suggested: number;
  noMatch: number;
  solvedFeedback: number;
  unsolvedFeedback: number;
  resolvedSessions: number;
  resolutionRate: number | null;
  ratings: Record<string, number>;
}
export interface BriefEntry {
  id: string;
  code: string;
  question: string;
  departmentId: string;
  departmentName: string | null;
  status: EntryStatus;
  stats: EntryStats;
}

export interface CallbackMessage {
  id: string;
  number: string;
  name: string;
  phone: string;
  question: string;
  status: 'open' | 'called_back' | 'closed';
  dueAt: string;
  createdAt: string;
  overdue: boolean;
  result: string | null;
  handledAt: string | null;
}

export const STATUS_LABELS: Record<EntryStatus, Bilingual & { color: string }> = {
  draft: { zh: '草稿', en: 'Draft', color: 'default' },
  submitted: { zh: '待审核', en: 'Awaiting review', color: 'processing' },
  published: { zh: '已发布', en: 'Published', color: 'success' },
  returned: { zh: '已退回', en: 'Returned', color: 'warning' },
  archived: { zh: '已归档', en: 'Archived', color: 'default' },
};
export const POLICY_STATUS_LABELS: Record<PolicyStatus, Bilingual & { color: string }> = {
  upcoming: { zh: '未到期', en: 'Upcoming', color: 'processing' },
  due_soon: { zh: '即将到期', en: 'Due soon', color: 'warning' },
  late: { zh: '已逾期', en: 'Late', color: 'error' },
  on_time: { zh: '已按时发布', en: 'Published on time', color: 'success' },
};
export const PROPOSAL_STATUS_LABELS: Record<ProposalStatus, Bilingual & { color: string }> = {
  open: { zh: '待处理', en: 'Open', color: 'processing' },
  accepted: { zh: '已采纳', en: 'Accepted', color: 'success' },
  rejected: { zh: '未采纳', en: 'Rejected', color: 'default' },
};
export const PROPOSAL_SOURCE_LABELS: Record<Proposal['source'], Bilingual> = {
  live_help: { zh: '线上人工帮办', en: 'Live help' },
  phone: { zh: '电话咨询', en: 'Phone' },
  staff: { zh: '工作人员', en: 'Staff' },
  bot: { zh: '小申', en: 'Bot' },
};
export const INBOX_REASON_LABELS: Record<string, Bilingual> = {
  no_match: { zh: '没找到答案', en: 'No match' },
  unsolved: { zh: '回答了但没解决', en: 'Answered, not solved' },
  suggested: { zh: '只给了猜测', en: 'Only suggestions' },
};
export const CALLBACK_STATUS_LABELS: Record<CallbackMessage['status'], Bilingual & { color: string }> = {
  open: { zh: '待回电', en: 'To call back', color: 'processing' },
  called_back: { zh: '已回电', en: 'Called back', color: 'success' },
  closed: { zh: '已办结', en: 'Closed', color: 'default' },
};
export const RATING_LABELS: Record<number, Bilingual> = {
  5: { zh: '非常满意', en: 'Very satisfied' },
  4: { zh: '满意', en: 'Satisfied' },
  3: { zh: '基本满意', en: 'Fairly satisfied' },
  2: { zh: '不满意', en: 'Dissatisfied' },
  1: { zh: '非常不满意', en: 'Very dissatisfied' },
};
