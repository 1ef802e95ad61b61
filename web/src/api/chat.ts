/**
 * Live help's REST calls (SPEC §3.2), all in one place: the citizen's (anonymous, the conversation
 * token in `X-Chat-Token`, no cookies — it also works inside the widget's frame) and the agent's
 * (the staff session). The WebSocket is chat-socket.ts; the shapes are src/contracts/livechat.ts.
 */
import { api, request, requestBlob, withQuery, type Caller } from './client.js';
import type {
  TAgentConversation,
  TAgentConversationDetail,
  TChatMessage,
  TChatMessages,
  TChatWall,
  TCitizenConversation,
  TCloseChat,
  TJoinChat,
  TJoinedChat,
  TRateChat,
  TTransferChat,
} from '../../../src/contracts/livechat.js';

const id = encodeURIComponent;

/** An upload: the file's bytes as they are; its name and the clientId (a retry stores it once) in the query. */
const uploadPath = (path: string, file: File, clientId: string) =>
  withQuery(path, { clientId, name: (file.name || 'file').slice(0, 200) });
const raw = (file: File) => ({ raw: file, type: 'application/octet-stream' });

/** What an upload answers: the stored file message (a warning only ever concerns staff text). */
interface TSent {
  message: TChatMessage | null;
  warning: { phrase: string; suggestion: string }[] | null;
}
const stored = (r: TSent): TChatMessage => r.message!;

/** The citizen's calls: the token names the conversation (kept in sessionStorage by the page). */
export const citizenChat = {
  join: (body: TJoinChat) => request<TJoinedChat>('POST', '/api/chat/conversations', body, {}),
  get: (token: string) =>
    request<TCitizenConversation>('GET', '/api/chat/conversation', undefined, { chatToken: token }),
  messages: (token: string, after: number) =>
    request<TChatMessages>('GET', withQuery('/api/chat/messages', { after }), undefined, { chatToken: token }),
  upload: (token: string, file: File, clientId: string) =>
    request<TSent>('POST', uploadPath('/api/chat/files', file, clientId), raw(file), { chatToken: token }).then(stored),
  rate: (token: string, body: TRateChat) =>
    request<{ ok: boolean }>('POST', '/api/chat/rating', body, { chatToken: token }),
  /** the citizen ends the conversation */
  end: (token: string) => request<{ ok: boolean }>('POST', '/api/chat/end', {}, { chatToken: token }),
  transcript: (token: string) => requestBlob('/api/chat/transcript', { chatToken: token }),
};

/** A file of a conversation (an image shown inline, a PDF downloaded), for either side. */
export const chatFile = (fileId: string, caller: Caller) =>
  requestBlob(caller === 'session' ? `/api/chat/agent/files/${id(fileId)}` : `/api/chat/files/${id(fileId)}`, caller);

/** A KB proposal made from an agent's reply (the knowledge module's proposal id). */
export interface TProposedChatAnswer {
  proposalId: string;
}

type Staff = { displayName: string; workNumber: string | null };
/** One staff-only consultation beside a conversation (a department's business agents or one colleague). */
export interface TChatConsult {
  id: string;
  conversationId: string;
  conversationNumber: string;
  from: Staff;
  fromUserId: string;
  departmentId: string | null;
  department: { zh: string; en: string } | null;
  toUserId: string | null;
  to: Staff | null;
  createdAt: string;
  messages: { id: string; authorId: string; author: Staff; text: string; at: string }[];
}

/** The agent's calls (the staff session). */
export const agentChat = {
  list: () => api.get<{ items: TAgentConversation[] }>('/api/chat/agent/conversations'),
  detail: (conversationId: string) =>
    api.get<TAgentConversationDetail>(`/api/chat/agent/conversations/${id(conversationId)}`),
  messages: (conversationId: string, after: number) =>
    api.get<TChatMessages>(`/api/chat/agent/conversations/${id(conversationId)}/messages`, { after }),
  upload: (conversationId: string, file: File, clientId: string) =>
    request<TSent>(
      'POST',
      uploadPath(`/api/chat/agent/conversations/${id(conversationId)}/files`, file, clientId),
      raw(file),
    ).then(stored),
  /** a business agent takes a conversation waiting for their department */
  take: (conversationId: string) =>
    api.post<{ ok: boolean }>(`/api/chat/agent/conversations/${id(conversationId)}/take`),
  transfer: (conversationId: string, body: TTransferChat) =>
    api.post<TAgentConversation>(`/api/chat/agent/conversations/${id(conversationId)}/transfer`, body),
  close: (conversationId: string, body: TCloseChat) =>
    api.post<{ ok: boolean }>(`/api/chat/agent/conversations/${id(conversationId)}/close`, body),
  proposeKb: (conversationId: string, body: { question: string; answer: string; departmentId?: string | null }) =>
    api.post<TProposedChatAnswer>(`/api/chat/agent/conversations/${id(conversationId)}/propose-kb`, body),
  consults: (conversationId: string) =>
    api.get<{ items: TChatConsult[] }>(`/api/chat/agent/conversations/${id(conversationId)}/consults`),
  consult: (conversationId: string, body: { departmentId?: string; userId?: string; text: string }) =>
    api.post<{ id: string }>(`/api/chat/agent/conversations/${id(conversationId)}/consults`, body),
  replyConsult: (consultId: string, text: string) =>
    api.post<TChatConsult>(`/api/chat/consults/${id(consultId)}/messages`, { text }),
  transcript: (conversationId: string) => requestBlob(`/api/chat/agent/conversations/${id(conversationId)}/transcript`),
  wall: () => api.get<TChatWall>('/api/chat/wall'),
};
