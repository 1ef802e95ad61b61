import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { pick, useLang, useT } from '../../i18n/index.js';
import { formatTime } from '../../shared/format.js';
import { ApiError } from '../../api/client.js';
import { citizenChat } from '../../api/chat.js';
import type { Pending } from '../../api/chat-log.js';
import { CHAT_OUTCOME_LABELS, CHAT_TEXT_MAX } from '../../../../src/contracts/enums/livechat.js';
import type { TChatMessage, TChatStaff, TCitizenConversation } from '../../../../src/contracts/livechat.js';
import { ChatFileView, saveBlob } from './ChatFileView.js';
import { LiveRating } from './LiveRating.js';
import { forgetLiveSession, updateLiveSession, type LiveSession } from './liveSession.js';
import { useLiveChat } from './useLiveChat.js';
import './livechat.css';

/** "王敏（窗口） · 工号 0123": staff show who they are (seed art. 7). */
export function staffName(s: TChatStaff, t: ReturnType<typeof useT>): string {
  return s.workNumber ? `${s.displayName} · ${t('live.workNumber', { n: s.workNumber })}` : s.displayName;
}

/** The citizen's live chat with staff: queue, messages, files, typing and read state, and at the end a rating. */
export function LiveChat({ session }: { session: LiveSession }) {
  const t = useT();
  const { lang } = useLang();
  const inputId = useId();
  const fileId = useId();
  const hintId = useId();
  const chat = useLiveChat(session);
  const { conversation: c, messages, outbox, token } = session;
  const [text, setText] = useState('');
  const [hint, setHint] = useState('');
  const [confirmEnd, setConfirmEnd] = useState(false);
  const [endError, setEndError] = useState('');
  const logRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const closed = c.status === 'closed';
  const caller = { chatToken: token };

  useEffect(() => {
    const log = logRef.current;
    if (log) log.scrollTop = log.scrollHeight;
  }, [messages.length, outbox.length, chat.agentTyping, closed]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const q = text.trim();
    if (!q) {
      setHint(t('live.empty'));
      inputRef.current?.focus();
      return;
    }
    setHint('');
    setText('');
    chat.send(q.slice(0, CHAT_TEXT_MAX));
    inputRef.current?.focus();
  };

  const end = async () => {
    setEndError('');
    try {
      await citizenChat.end(token);
      updateLiveSession({ conversation: await citizenChat.get(token) });
      setConfirmEnd(false);
    } catch (e) {
      setEndError(e instanceof ApiError && e.messages ? pick(e.messages, lang) : t('live.networkError'));
    }
  };

  const transcript = async () => {
    try {
      saveBlob(await citizenChat.transcript(token), `${t('live.transcriptFile')}-${c.number}.txt`);
    } catch (e) {
      setEndError(e instanceof ApiError && e.messages ? pick(e.messages, lang) : t('live.networkError'));
    }
  };

  return (
    <div className="lc" data-testid="live-chat" data-status={c.status}>
      <StatusBar c={c} />
      {chat.socketState === 'offline' && (
        <p className="lc-offline" role="status" data-testid="live-offline">
          {t('live.offline')}
        </p>
      )}
      <div
        ref={logRef}
        className="bb-log lc-log"
        role="log"
        aria-live="polite"
        aria-relevant="additions"
        aria-label={t('live.logLabel')}
        tabIndex={0}
        data-testid="live-log"
      >
        {messages.map((m) => (
          <Message key={`${m.conversationId}:${m.seq}`} m={m} readSeq={c.agentReadSeq} caller={caller} />
        ))}
        {outbox.map((p) => (
          <PendingMessage
            key={p.clientId}
            ended={closed}
            p={p}
            onRetry={() => chat.retry(p.clientId)}
            onDiscard={() => chat.discard(p.clientId)}
          />
        ))}
        {chat.upload && !chat.upload.error && (
          <div className="bb-msg bb-user lc-pending">
            <p>{t('live.uploading', { name: chat.upload.name })}</p>
          </div>
        )}
        {chat.agentTyping && !closed && (
          <p className="lc-typing" data-testid="live-typing">
            {t('live.agentTyping')}
          </p>
        )}
      </div>
      {chat.upload?.error && (
        <p className="pt-error lc-upload-error" role="alert">
          {chat.upload.error === 'type'
            ? t('live.fileType')
            : chat.upload.error === 'size'
              ? t('live.fileSize')
              : typeof chat.upload.error === 'object' && chat.upload.error
                ? pick(chat.upload.error, lang)
                : t('live.networkError')}{' '}
          <button type="button" className="bb-link" onClick={chat.clearUpload}>
            {t('live.dismiss')}
          </button>
        </p>
      )}
      {!closed ? (
        <>
          <form className="bb-composer lc-composer" onSubmit={submit} data-testid="live-form">
            <label htmlFor={inputId} className="pt-sr">
              {t('live.inputLabel')}
            </label>
            <input
              id={inputId}
              ref={inputRef}
              type="text"
              value={text}
              maxLength={CHAT_TEXT_MAX}
              autoComplete="off"
              enterKeyHint="send"
              placeholder={t('live.placeholder')}
              aria-describedby={hint ? hintId : undefined}
              aria-invalid={hint ? true : undefined}
              onChange={(e) => {
                setText(e.target.value);
                if (hint) setHint('');
                chat.typing();
              }}
              data-testid="live-input"
            />
            <button type="submit" className="bb-send" data-testid="live-send">
              {t('live.send')}
            </button>
          </form>
          {hint && (
            <p id={hintId} className="pt-error bb-hint" role="alert">
              {hint}
            </p>
          )}
          <div className="lc-tools">
            <input
              id={fileId}
              type="file"
              className="lc-file-input"
              accept="image/png,image/jpeg,image/gif,image/webp,application/pdf"
              onChange={(e) => {
                const f = e.target.files?.[0];
                e.target.value = '';
                if (f) void chat.sendFile(f);
              }}
              data-testid="live-file"
            />
            <label htmlFor={fileId} className="bb-btn lc-attach">
              {t('live.attach')}
            </label>
            {!confirmEnd ? (
              <button type="button" className="bb-btn" onClick={() => setConfirmEnd(true)} data-testid="live-end">
                {t('live.end')}
              </button>
            ) : (
              <span className="lc-confirm" role="group" aria-label={t('live.endConfirm')}>
                <span>{t('live.endConfirm')}</span>
                <button
                  type="button"
                  className="bb-btn bb-primary"
                  onClick={() => void end()}
                  data-testid="live-end-yes"
                >
                  {t('live.endYes')}
                </button>
                <button type="button" className="bb-btn" onClick={() => setConfirmEnd(false)}>
                  {t('live.endNo')}
                </button>
              </span>
            )}
          </div>
        </>
      ) : (
        <section className="lc-ended" aria-labelledby={`${inputId}-ended`} data-testid="live-ended">
          <h3 id={`${inputId}-ended`}>{t('live.ended')}</h3>
          {c.outcome && <p>{t('live.outcome', { outcome: pick(CHAT_OUTCOME_LABELS[c.outcome], lang) })}</p>}
          {c.outcome === 'referred_12345' && <p>{t('live.referred12345')}</p>}
          {c.outcome === 'pushed_to_hotline' && <p>{t('live.pushedHotline')}</p>}
          {!c.rated && c.agent && (
            <LiveRating
              onRate={async (level, comment) => {
                await citizenChat.rate(token, comment ? { level, comment } : { level });
                updateLiveSession((cur) => ({ conversation: { ...cur.conversation, rated: true } }));
              }}
            />
          )}
          {c.rated && <p data-testid="live-rated">{t('live.thanksRated')}</p>}
          <div className="bb-row">
            <button type="button" className="bb-btn" onClick={() => void transcript()} data-testid="live-transcript">
              {t('live.transcript')}
            </button>
            <button type="button" className="bb-btn" onClick={forgetLiveSession} data-testid="live-back">
              {t('live.backToBot')}
            </button>
          </div>
        </section>
      )}
      {endError && (
        <p className="pt-error" role="alert">
          {endError}
        </p>
      )}
      <p className="bb-foot">
        <span>{t('live.number', { number: c.number })}</span>
      </p>
    </div>
  );
}

/** Where the conversation stands, in plain words: queue position and wait, who serves, the department. */
function StatusBar({ c }: { c: TCitizenConversation }) {
  const t = useT();
  const { lang } = useLang();
  let line: string;
  if (c.status === 'queued') {
    const minutes = c.estimatedWaitSeconds == null ? null : Math.max(1, Math.ceil(c.estimatedWaitSeconds / 60));
    line = c.position != null && c.position > 1 ? t('live.queueAhead', { n: c.position - 1 }) : t('live.queueNext');
    if (minutes != null) line += t('live.queueWait', { m: minutes });
  } else if (c.status === 'awaiting_department') {
    line = t('live.awaitingDepartment', { department: pick(c.department, lang) });
  } else if (c.status === 'closed') {
    line = t('live.endedShort');
  } else if (c.agent) {
    line = t('live.servedBy', { who: staffName(c.agent, t) });
    if (c.status === 'transferred' && c.department)
      line = t('live.transferredTo', { department: pick(c.department, lang) }) + line;
  } else line = pick(c.statusLabel, lang);
  return (
    <div className={`lc-status lc-status-${c.status}`} role="status" aria-live="polite" data-testid="live-status">
      <p className="lc-status-label">
        <strong>{pick(c.statusLabel, lang)}</strong>
      </p>
      <p>{line}</p>
    </div>
  );
}

function Message({ m, readSeq, caller }: { m: TChatMessage; readSeq: number; caller: { chatToken: string } }) {
  const t = useT();
  if (m.kind === 'note') return null; // never sent to citizens; ignored if it ever came
  if (m.from === 'system')
    return (
      <p className="lc-system" data-testid="live-system">
        {m.text} <span className="lc-time">{formatTime(m.at)}</span>
      </p>
    );
  const mine = m.from === 'citizen';
  const who = mine
    ? t('chat.you')
    : m.from === 'bot'
      ? t('chat.botName')
      : m.author
        ? `${staffName(m.author, t)}：`
        : t('live.staff');
  return (
    <div
      className={`bb-msg ${mine ? 'bb-user' : 'bb-bot'} lc-${m.from}`}
      data-testid={`live-msg-${m.from}`}
      data-seq={m.seq}
    >
      <p className={mine ? 'pt-sr' : 'lc-who'}>{who}</p>
      {/* text is shown as text: React escapes it; never innerHTML */}
      {m.text && <p className="lc-text">{m.text}</p>}
      {m.file && <ChatFileView file={m.file} caller={caller} />}
      <p className="lc-meta">
        <span>{formatTime(m.at)}</span>
        {mine && <span data-testid="live-read-state">{m.seq <= readSeq ? t('live.read') : t('live.delivered')}</span>}
      </p>
    </div>
  );
}

function PendingMessage({
  p,
  ended,
  onRetry,
  onDiscard,
}: {
  p: Pending;
  ended: boolean;
  onRetry(): void;
  onDiscard(): void;
}) {
  const t = useT();
  const { lang } = useLang();
  return (
    <div className="bb-msg bb-user lc-pending" data-testid="live-pending">
      <p className="pt-sr">{t('chat.you')}</p>
      <p className="lc-text">{p.text}</p>
      {ended ? (
        <div className="lc-failed">
          <p>{t('live.notSentEnded')}</p>
          <button type="button" className="bb-small-btn lc-on-blue" onClick={onDiscard}>
            {t('live.dismiss')}
          </button>
        </div>
      ) : p.failed ? (
        <div className="lc-failed" role="alert">
          <p>{pick(p.failed, lang) || t('live.notSent')}</p>
          <button type="button" className="bb-small-btn lc-on-blue" onClick={onRetry}>
            {t('live.retry')}
          </button>{' '}
          <button type="button" className="bb-small-btn lc-on-blue" onClick={onDiscard}>
            {t('live.discard')}
          </button>
        </div>
      ) : (
        <p className="lc-meta">{t('live.sending')}</p>
      )}
    </div>
  );
}
