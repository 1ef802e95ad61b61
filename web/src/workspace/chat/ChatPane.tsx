import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Alert, App, Button, Empty, Input, Segmented, Space, Tag, Tooltip, Typography, Upload } from 'antd';
import { PaperClipOutlined, SendOutlined } from '@ant-design/icons';
import { pick, useLang, useT } from '../../i18n/index.js';
import { formatTime } from '../../shared/format.js';
import { agentChat } from '../../api/chat.js';
import { newClientId, type Pending } from '../../api/chat-log.js';
import { errorText } from '../../api/client.js';
import { ChatFileView } from '../../portal/livechat/ChatFileView.js';
import { CHAT_FILE_MAX_BYTES, CHAT_FILE_TYPES, CHAT_TEXT_MAX } from '../../../../src/contracts/enums/livechat.js';
import type { TAgentConversationDetail, TChatMessage } from '../../../../src/contracts/livechat.js';
import type { PhraseWarning } from './useAgentChats.js';

export interface ComposerHandle {
  insert(text: string): void;
  focus(): void;
}

/** The open chat: the messages (internal notes set apart and marked 内部备注), the composer, the forbidden-phrase frame. */
export function ChatPane({
  detail,
  messages,
  outbox,
  citizenTyping,
  warning,
  canAct,
  onSend,
  onTyping,
  onRetry,
  onDiscard,
  onWarningEdit,
  onWarningForce,
  onFile,
  composerRef,
}: {
  detail: TAgentConversationDetail;
  messages: TChatMessage[];
  outbox: Pending[];
  citizenTyping: boolean;
  warning: PhraseWarning | null;
  canAct: boolean;
  onSend(text: string, kind: 'text' | 'note'): void;
  onTyping(): void;
  onRetry(clientId: string): void;
  onDiscard(clientId: string): void;
  onWarningEdit(w: PhraseWarning): void;
  onWarningForce(w: PhraseWarning): void;
  onFile(m: TChatMessage): void;
  composerRef: React.MutableRefObject<ComposerHandle | null>;
}) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [kind, setKind] = useState<'text' | 'note'>('text');
  const [uploading, setUploading] = useState(false);
  const logRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLTextAreaElement | null>(null);

  composerRef.current = {
    insert: (s) => {
      setText((x) => (x ? `${x}\n${s}` : s));
      inputRef.current?.focus();
    },
    focus: () => inputRef.current?.focus(),
  };

  useEffect(() => {
    const log = logRef.current;
    if (log) log.scrollTop = log.scrollHeight;
  }, [messages.length, outbox.length, citizenTyping, detail.id]);

  useEffect(() => {
    if (!warning) return;
    // the frame is about this chat: the text goes back to the composer to edit
    setText(warning.text);
    setKind(warning.kind);
  }, [warning]);

  const send = () => {
    const s = text.trim();
    if (!s || !canAct) return;
    onSend(s.slice(0, CHAT_TEXT_MAX), kind);
    setText('');
  };
  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      send();
    }
  };

  const upload = async (file: File) => {
    if (!(CHAT_FILE_TYPES as readonly string[]).includes(file.type)) return void message.error(t('livechat.fileType'));
    if (file.size > CHAT_FILE_MAX_BYTES) return void message.error(t('livechat.fileSize'));
    setUploading(true);
    try {
      onFile(await agentChat.upload(detail.id, file, newClientId()));
    } catch (e) {
      message.error(errorText(e, t('common.failed')));
    } finally {
      setUploading(false);
    }
  };

  const propose = async (m: TChatMessage) => {
    try {
      await agentChat.proposeKb(detail.id, { question: detail.topic.slice(0, 500) || detail.number, answer: m.text });
      message.success(t('livechat.proposed'));
    } catch (e) {
      message.error(errorText(e, t('common.failed')));
    }
  };

  return (
    <div className="lw-pane" data-testid="chat-pane">
      <div
        ref={logRef}
        className="lw-log"
        role="log"
        aria-live="polite"
        aria-label={t('livechat.logLabel', { number: detail.number })}
        tabIndex={0}
        data-testid="agent-log"
      >
        {messages.length === 0 && <Empty description={t('livechat.noMessages')} />}
        {messages.map((m) => (
          <MessageRow
            key={m.seq}
            m={m}
            read={m.from === 'agent' && m.seq <= detail.citizenReadSeq}
            onPropose={canAct && m.from === 'agent' && m.kind === 'text' ? () => void propose(m) : undefined}
          />
        ))}
        {outbox
          .filter((p) => p.conversationId === detail.id)
          .map((p) => (
            <div
              key={p.clientId}
              className={`lw-msg lw-mine ${p.kind === 'note' ? 'lw-note' : ''}`}
              data-testid="agent-pending"
            >
              {p.kind === 'note' && <Tag color="gold">{t('livechat.note')}</Tag>}
              <div className="lw-text">{p.text}</div>
              {p.failed ? (
                <Space size={4} wrap>
                  <Typography.Text type="danger">{pick(p.failed, lang)}</Typography.Text>
                  <Button size="small" onClick={() => onRetry(p.clientId)}>
                    {t('livechat.retry')}
                  </Button>
                  <Button size="small" onClick={() => onDiscard(p.clientId)}>
                    {t('livechat.discard')}
                  </Button>
                </Space>
              ) : (
                <Typography.Text type="secondary" className="lw-meta">
                  {t('livechat.sending')}
                </Typography.Text>
              )}
            </div>
          ))}
        {citizenTyping && (
          <Typography.Text type="secondary" italic data-testid="citizen-typing">
            {t('livechat.citizenTyping')}
          </Typography.Text>
        )}
      </div>

      {warning && warning.conversationId === detail.id && (
        <Alert
          type="warning"
          showIcon
          className="lw-warning"
          data-testid="phrase-warning"
          title={t('livechat.warningTitle')}
          description={
            <>
              <ul className="lw-phrases">
                {warning.phrases.map((p) => (
                  <li key={p.phrase}>
                    {t('livechat.warningPhrase', { phrase: p.phrase })}
                    {p.suggestion && <> {t('livechat.warningSuggestion', { suggestion: p.suggestion })}</>}
                  </li>
                ))}
              </ul>
              <Space wrap>
                <Button type="primary" onClick={() => onWarningEdit(warning)} data-testid="phrase-edit">
                  {t('livechat.warningEdit')}
                </Button>
                <Button danger onClick={() => onWarningForce(warning)} data-testid="phrase-force">
                  {t('livechat.warningForce')}
                </Button>
              </Space>
            </>
          }
        />
      )}

      {canAct ? (
        <div className={`lw-composer ${kind === 'note' ? 'lw-composer-note' : ''}`}>
          <Space wrap style={{ marginBottom: 6 }}>
            <Segmented
              value={kind}
              onChange={(v) => setKind(v as 'text' | 'note')}
              options={[
                { value: 'text', label: t('livechat.modeReply') },
                { value: 'note', label: t('livechat.modeNote') },
              ]}
              aria-label={t('livechat.mode')}
              data-testid="compose-mode"
            />
            <Upload
              showUploadList={false}
              accept={CHAT_FILE_TYPES.join(',')}
              beforeUpload={(f) => {
                void upload(f);
                return false;
              }}
            >
              <Button icon={<PaperClipOutlined aria-hidden />} loading={uploading} disabled={kind === 'note'}>
                {t('livechat.attach')}
              </Button>
            </Upload>
          </Space>
          <Input.TextArea
            ref={(r) => {
              inputRef.current = r?.resizableTextArea?.textArea ?? null;
            }}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              if (kind === 'text') onTyping();
            }}
            onKeyDown={onKey}
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={CHAT_TEXT_MAX}
            placeholder={kind === 'note' ? t('livechat.notePlaceholder') : t('livechat.replyPlaceholder')}
            aria-label={kind === 'note' ? t('livechat.modeNote') : t('livechat.modeReply')}
            data-testid="agent-input"
          />
          <div className="lw-send-row">
            <Typography.Text type="secondary">{t('livechat.sendHint')}</Typography.Text>
            <Tooltip title="Ctrl+Enter">
              <Button type="primary" icon={<SendOutlined aria-hidden />} onClick={send} data-testid="agent-send">
                {kind === 'note' ? t('livechat.sendNote') : t('livechat.send')}
              </Button>
            </Tooltip>
          </div>
        </div>
      ) : (
        <Alert type="info" title={t('livechat.readOnly')} />
      )}
    </div>
  );
}

function MessageRow({ m, read, onPropose }: { m: TChatMessage; read: boolean; onPropose?: () => void }) {
  const t = useT();
  if (m.from === 'system')
    return (
      <div className="lw-system" data-testid="agent-msg-system">
        {m.text} · {formatTime(m.at)}
      </div>
    );
  const note = m.kind === 'note';
  const mine = m.from === 'agent';
  const who =
    m.from === 'citizen'
      ? t('livechat.citizen')
      : m.from === 'bot'
        ? t('livechat.bot')
        : m.author
          ? `${m.author.displayName}${m.author.workNumber ? ` (${m.author.workNumber})` : ''}`
          : t('livechat.staff');
  return (
    <div
      className={`lw-msg ${mine ? 'lw-mine' : 'lw-theirs'} ${note ? 'lw-note' : ''} lw-from-${m.from}`}
      data-testid={note ? 'agent-msg-note' : `agent-msg-${m.from}`}
    >
      <div className="lw-who">
        {note && <Tag color="gold">{t('livechat.note')}</Tag>}
        <span>{who}</span> <span className="lw-meta">{formatTime(m.at)}</span>
      </div>
      {m.text && <div className="lw-text">{m.text}</div>}
      {m.file && <ChatFileView file={m.file} caller="session" />}
      {mine && !note && (
        <div className="lw-meta lw-actions">
          <span>{read ? t('livechat.read') : t('livechat.delivered')}</span>
          {onPropose && (
            <Button size="small" type="link" onClick={onPropose} data-testid="mark-effective">
              {t('livechat.markEffective')}
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
