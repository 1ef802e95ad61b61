import {
  actionsFrom as machineActions,
  defineMachine,
  nextStatus as machineNext,
} from '../../platform/state-machine/state-machine.js';
import type { KbStatus } from './knowledge.schemas.js';

/** The moves of an entry's review workflow (SPEC §3.8): who makes them is decided by the policy. */
export type KbAction = 'edit' | 'submit' | 'withdraw' | 'publish' | 'return' | 'archive' | 'reopen' | 'restore_version';

/**
 * The whole workflow as data: draft → submitted → published | returned → (edit) draft → …;
 * published → archived → (reopen) draft. Editing a published entry makes a working draft while
 * the live version keeps serving; restoring an old version does the same.
 */
export const KB_MACHINE = defineMachine<KbStatus, KbAction>({
  table: 'kb_entries',
  subject: { zh: '条目', en: 'entry' },
  statuses: {
    draft: { zh: '草稿', en: 'Draft' },
    submitted: { zh: '待审核', en: 'Submitted' },
    published: { zh: '已发布', en: 'Published' },
    returned: { zh: '已退回', en: 'Returned' },
    archived: { zh: '已归档', en: 'Archived' },
  },
  moves: {
    edit: { from: ['draft', 'returned', 'published'], to: 'draft', by: 'editor', label: { zh: '编辑', en: 'edit' } },
    submit: { from: ['draft'], to: 'submitted', by: 'editor', label: { zh: '提交审核', en: 'submit for review' } },
    withdraw: { from: ['submitted'], to: 'draft', by: 'editor', label: { zh: '撤回', en: 'withdraw' } },
    publish: { from: ['submitted'], to: 'published', by: 'reviewer', label: { zh: '发布', en: 'publish' } },
    return: {
      from: ['submitted'],
      to: 'returned',
      by: 'reviewer',
      needsComment: true,
      label: { zh: '退回', en: 'return' },
    },
    archive: { from: ['published'], to: 'archived', by: 'reviewer', label: { zh: '归档', en: 'archive' } },
    reopen: { from: ['archived'], to: 'draft', by: 'editor', label: { zh: '恢复', en: 'reopen' } },
    restore_version: {
      from: ['draft', 'returned', 'published', 'archived'],
      to: 'draft',
      by: 'editor',
      label: { zh: '恢复历史版本', en: 'restore a version' },
    },
  },
});

export const KB_TRANSITIONS = KB_MACHINE.moves;

/** The status after `action`, or INVALID_TRANSITION (409) before anything is changed. */
export function nextStatus(from: KbStatus, action: KbAction, comment?: string | null): KbStatus {
  return machineNext(KB_MACHINE, from, action, comment);
}

/** The actions possible from a status, so the web app shows only the right buttons. */
export function actionsFrom(status: KbStatus): KbAction[] {
  return machineActions(KB_MACHINE, status);
}
