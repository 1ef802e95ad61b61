import { AppError } from '../../platform/errors.js';
import type { KbStatus } from './knowledge.schemas.js';

/** The moves of an entry's review workflow (SPEC §3.8): who makes them is decided by the policy. */
export type KbAction = 'edit' | 'submit' | 'withdraw' | 'publish' | 'return' | 'archive' | 'reopen' | 'restore_version';

interface Move {
  from: readonly KbStatus[];
  to: KbStatus;
  by: 'editor' | 'reviewer';
  needsComment?: boolean;
}

/**
 * The whole workflow as data: draft → submitted → published | returned → (edit) draft → …;
 * published → archived → (reopen) draft. Editing a published entry makes a working draft while
 * the live version keeps serving; restoring an old version does the same.
 */
export const KB_TRANSITIONS: Record<KbAction, Move> = {
  edit: { from: ['draft', 'returned', 'published'], to: 'draft', by: 'editor' },
  submit: { from: ['draft'], to: 'submitted', by: 'editor' },
  withdraw: { from: ['submitted'], to: 'draft', by: 'editor' },
  publish: { from: ['submitted'], to: 'published', by: 'reviewer' },
  return: { from: ['submitted'], to: 'returned', by: 'reviewer', needsComment: true },
  archive: { from: ['published'], to: 'archived', by: 'reviewer' },
  reopen: { from: ['archived'], to: 'draft', by: 'editor' },
  restore_version: { from: ['draft', 'returned', 'published', 'archived'], to: 'draft', by: 'editor' },
};

const STATUS_ZH: Record<KbStatus, string> = {
  draft: '草稿',
  submitted: '待审核',
  published: '已发布',
  returned: '已退回',
  archived: '已归档',
};
const ACTION_ZH: Record<KbAction, string> = {
  edit: '编辑',
  submit: '提交审核',
  withdraw: '撤回',
  publish: '发布',
  return: '退回',
  archive: '归档',
  reopen: '恢复',
  restore_version: '恢复历史版本',
};

/** The status after `action`, or INVALID_TRANSITION (409) before anything is changed. */
export function nextStatus(from: KbStatus, action: KbAction, comment?: string | null): KbStatus {
  const move = KB_TRANSITIONS[action];
  if (!move.from.includes(from)) {
    throw new AppError(
      'INVALID_TRANSITION',
      {
        zh: `条目当前为“${STATUS_ZH[from]}”，不能${ACTION_ZH[action]}。`,
        en: `An entry that is ${from} cannot be ${action === 'restore_version' ? 'restored to a version' : `moved by "${action}"`}.`,
      },
      { from, action },
    );
  }
  if (move.needsComment && !comment?.trim()) {
    throw new AppError(
      'VALIDATION_FAILED',
      { zh: '退回时必须填写意见。', en: 'A comment is required when returning an entry.' },
      { field: 'comment' },
    );
  }
  return move.to;
}

/** The actions possible from a status, so the web app shows only the right buttons. */
export function actionsFrom(status: KbStatus): KbAction[] {
  return (Object.keys(KB_TRANSITIONS) as KbAction[]).filter((a) => KB_TRANSITIONS[a].from.includes(status));
}
