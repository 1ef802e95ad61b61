import { z } from 'zod';
import { defineEvents } from '../../platform/events/record-event.js';

const conv = z.object({ conversationId: z.string(), number: z.string() });
const move = conv.extend({ from: z.string(), to: z.string(), agentId: z.string().nullable() });

/**
 * What live help records. No message text and no citizen details in the data: a message event
 * names the conversation and its seq (every node's delivery consumer reads the stored message).
 * Per-node sockets are fed from these events (the one cross-node channel).
 */
export const livechatEvents = defineEvents({
  'livechat.queued': {
    label: { zh: '市民进入人工排队', en: 'Citizen joined the live-help queue' },
    data: conv.extend({ channel: z.string(), fromBot: z.boolean() }),
  },
  'livechat.assigned': {
    label: { zh: '分配窗口客服', en: 'Conversation assigned to an agent' },
    data: move.extend({ dueAt: z.string().nullable() }),
  },
  'livechat.requeued': {
    label: { zh: '会话重新排队', en: 'Conversation back in the queue' },
    data: move.extend({ reason: z.enum(['breach', 'signed_out']), previousAgentId: z.string().nullable() }),
  },
  'livechat.transferred': {
    label: { zh: '转业务客服', en: 'Transferred to a business agent' },
    // dueAt: when the business agent must first answer (absent on events before migration 017)
    data: move.extend({ departmentId: z.string(), dueAt: z.string().optional() }),
  },
  'livechat.awaiting_department': {
    label: { zh: '转部门待答复', en: 'Waiting for the department to answer' },
    data: move.extend({ departmentId: z.string(), dueAt: z.string() }),
  },
  'livechat.taken': {
    label: { zh: '部门业务客服接手', en: 'A business agent took the conversation' },
    data: move.extend({ departmentId: z.string() }),
  },
  'livechat.closed': {
    label: { zh: '人工会话结束', en: 'Live-help conversation ended' },
    data: move.extend({ outcome: z.string(), previousAgentId: z.string().nullable() }),
  },
  'livechat.message_posted': {
    label: { zh: '会话消息', en: 'Chat message' },
    data: z.object({ conversationId: z.string(), seq: z.number().int() }),
  },
  'livechat.first_responded': {
    label: { zh: '人工首次响应', en: 'First human response' },
    // afterTransfer: a business agent's first answer after a transfer (their own one-minute clock)
    data: conv.extend({ agentId: z.string(), withinDue: z.boolean(), afterTransfer: z.boolean().optional() }),
  },
  'livechat.first_response_warning': {
    label: { zh: '首次响应即将超时', en: 'First response about to be late' },
    data: conv.extend({ agentId: z.string(), dueAt: z.string(), afterTransfer: z.boolean().optional() }),
  },
  'livechat.first_response_breached': {
    label: { zh: '首次响应超时', en: 'First response late (breach)' },
    data: conv.extend({ agentId: z.string().nullable(), dueAt: z.string(), afterTransfer: z.boolean().optional() }),
  },
  'livechat.department_overdue': {
    label: { zh: '部门答复逾期', en: 'Department reply overdue' },
    data: conv.extend({ departmentId: z.string(), dueAt: z.string() }),
  },
  'livechat.read': {
    label: { zh: '已读', en: 'Read' },
    data: z.object({ conversationId: z.string(), by: z.enum(['citizen', 'agent']), seq: z.number().int() }),
  },
  'livechat.typing': {
    label: { zh: '正在输入', en: 'Typing' },
    data: z.object({ conversationId: z.string(), from: z.enum(['citizen', 'agent']) }),
  },
  'livechat.pushed_to_hotline': {
    label: { zh: '推送热线办', en: 'Pushed to the hotline office' },
    data: conv.extend({ caseId: z.string() }),
  },
  'livechat.kb_proposed': {
    label: { zh: '有效答复提交知识库', en: 'Effective answer proposed to the KB' },
    data: conv.extend({ proposalId: z.string() }),
  },
  'livechat.rated': {
    label: { zh: '人工服务评价', en: 'Live help rated' },
    data: conv.extend({ level: z.number().int() }),
  },
  'livechat.settings_changed': {
    label: { zh: '修改人工服务设置', en: 'Live-help settings changed' },
    data: z.object({ maxChatsPerAgent: z.number().int() }),
  },
  'livechat.files_purged': {
    label: { zh: '会话文件超过保存期限删除', en: 'Chat files deleted after the retention period' },
    data: conv.extend({ files: z.number().int(), bytes: z.number().int(), retentionDays: z.number().int() }),
  },
  'livechat.consult_posted': {
    label: { zh: '内部会商', en: 'Staff consultation message' },
    data: z.object({ conversationId: z.string(), consultId: z.string() }),
  },
});

/** What every conversation event names as its subject: the conversation and its ZX number. */
export function conversationSubject(c: { id: string; number: string }) {
  return { subjectType: 'chat_conversation', subjectId: c.id, subjectLabel: c.number };
}
