import { defineMachine } from '../../platform/state-machine/state-machine.js';
import { CHAT_STATUS_LABELS, type ChatStatus } from '../../contracts/enums/livechat.js';

export type { ChatStatus };
export type ChatAction = 'assign' | 'requeue' | 'transfer' | 'reoffer' | 'await_department' | 'take' | 'close';

/**
 * A live-help conversation: queued → active (a window agent) → transferred (a business agent of
 * the owner department) or awaiting_department (none on duty: the department answers by its due
 * time) → closed. A window agent who lets the first minute lapse or signs out sends it back to the
 * queue; a business agent who lets theirs lapse passes it to another of the department (reoffer).
 */
export const CHAT_MACHINE = defineMachine<ChatStatus, ChatAction>({
  table: 'chat_conversations',
  subject: { zh: '人工会话', en: 'live-help conversation' },
  statuses: CHAT_STATUS_LABELS,
  moves: {
    assign: { from: ['queued'], to: 'active', label: { zh: '分配客服', en: 'assign an agent' } },
    requeue: { from: ['active'], to: 'queued', label: { zh: '重新排队', en: 'put back in the queue' } },
    transfer: { from: ['active'], to: 'transferred', label: { zh: '转业务客服', en: 'transfer' } },
    reoffer: {
      from: ['transferred'],
      to: 'transferred',
      label: { zh: '转其他业务客服', en: 'pass to another business agent' },
    },
    await_department: {
      from: ['active', 'transferred'],
      to: 'awaiting_department',
      label: { zh: '转部门答复', en: 'hand to the department' },
    },
    take: { from: ['awaiting_department'], to: 'transferred', label: { zh: '接手', en: 'take over' } },
    close: {
      from: ['queued', 'active', 'transferred', 'awaiting_department'],
      to: 'closed',
      label: { zh: '结束会话', en: 'end the conversation' },
    },
  },
});
