import type { CallbackStatus } from '../../../src/contracts/enums/callbacks.js';
import type { KbStatus, PolicyStatus, ProposalStatus } from '../../../src/contracts/enums/knowledge.js';

/** The antd tag colour of each status (the names come from the server's contracts). */
export const KB_STATUS_COLORS: Record<KbStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  published: 'success',
  returned: 'warning',
  archived: 'default',
};
export const POLICY_STATUS_COLORS: Record<PolicyStatus, string> = {
  upcoming: 'processing',
  due_soon: 'warning',
  late: 'error',
  on_time: 'success',
};
export const PROPOSAL_STATUS_COLORS: Record<ProposalStatus, string> = {
  open: 'processing',
  accepted: 'success',
  rejected: 'default',
};
export const CALLBACK_STATUS_COLORS: Record<CallbackStatus, string> = {
  open: 'processing',
  called_back: 'success',
  closed: 'default',
};
