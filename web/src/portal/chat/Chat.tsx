import { useCallback, useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { pick, useLang, useT } from '../../i18n/index.js';
import { formatDate, formatDateTime } from '../../shared/format.js';
import { ApiError } from '../../api/client.js';
import { looksLikePhone } from './phone.js';
import { bot, resetSession, type AskReply, type Bilingual, type LiveHelp, type MessageReceipt } from './botApi.js';
import { canSpeak, speak, stopSpeaking, useSpeaking } from './speech.js';
import { LiveHelpOffer } from '../livechat/LiveHelpOffer.js';
import { RATING_LABELS, RATING_LEVELS, type RatingLevel } from '../../../../src/contracts/enums/bot.js';
import './chat.css';

/** Questions the demo knowledge base answers, offered as one-tap examples. */
const EXAMPLES = [
  '二次供水水箱多久清洗一次？',
  '海域使用金怎么缴纳？标准是多少？',
  '不再排水了，排水许可证需要注销吗？',
  '取水许可证到期了怎么延续',
];

type Msg =
  | { id: string; from: 'user'; text: string }
  | { id: string; from: 'bot'; kind: 'greeting' }
  | {
      id: string;
      from: 'bot';
      kind: 'reply';
      reply: AskReply;
      question: string;
      feedback?: 'solved' | 'unsolved';
      /** the "您是不是想问" choice the citizen opened (else the reply's own suggestion is shown) */
      shown?: AskReply['suggestion'];
      noneFits?: boolean;
    }
  | {
      id: string;
      from: 'bot';
      kind: 'next';
      liveHelp: LiveHelp;
      question: string;
    }
  | { id: string; from: 'bot'; kind: 'rate'; level?: RatingLevel; done?: boolean }
  | { id: string; from: 'bot'; kind: 'receipt'; receipt: MessageReceipt }
  | { id: string; from: 'bot'; kind: 'error'; messages: Bilingual | null };

const LOG_KEY = 'bb_bot_log';
let seq = 0;
const newId = () => `m${Date.now().toString(36)}${(seq++).toString(36)}`;

function loadLog(): Msg[] {
  try {
    const saved = JSON.parse(sessionStorage.getItem(LOG_KEY) ?? 'null') as Msg[] | null;
    if (Array.isArray(saved) && saved.length) return saved;
  } catch {
    /* nothing saved */
  }
  return [{ id: 'greeting', from: 'bot', kind: 'greeting' }];
}

/** The 小申 chat: one box to type in, answers with their source, "solved?", then rating or a way to a person. */
export function Chat({ variant = 'portal' }: { variant?: 'portal' | 'page' }) {
  const t = useT();
  const { lang } = useLang();
  const inputId = useId();
  const hintId = useId();
  const [msgs, setMsgs] = useState<Msg[]>(loadLog);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [hint, setHint] = useState('');
  const logRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    try {
      sessionStorage.setItem(LOG_KEY, JSON.stringify(msgs.slice(-60)));
    } catch {
      /* private mode */
    }
    const log = logRef.current;
    if (!log) return;
    // A new answer is read from its start: the question that led to it goes to the top of the log.
    const n = msgs.length;
    const last = msgs[n - 1];
    const fresh = (m: Msg | undefined) => m?.from === 'bot' && m.kind === 'reply' && !m.feedback;
    const users = log.querySelectorAll<HTMLElement>('.bb-user');
    const question = users[users.length - 1];
    const toQuestion =
      !busy && question && (fresh(last) || (last?.from === 'bot' && last.kind === 'next' && fresh(msgs[n - 2])));
    // On a phone the log is not a scroll box (the page scrolls): bring the new exchange into view instead.
    if (log.scrollHeight <= log.clientHeight) {
      if (n > 1) (toQuestion ? question : log.lastElementChild)?.scrollIntoView({ block: 'start' });
    } else if (toQuestion) log.scrollTop = question.offsetTop - 8;
    else log.scrollTop = log.scrollHeight;
  }, [msgs, busy]);

  const add = useCallback((...more: Msg[]) => setMsgs((m) => [...m, ...more]), []);
  const update = useCallback(
    (id: string, patch: Partial<Msg>) => setMsgs((m) => m.map((x) => (x.id === id ? ({ ...x, ...patch } as Msg) : x))),
    [],
  );
  const failed = useCallback(
    (e: unknown) =>
      add({ id: newId(), from: 'bot', kind: 'error', messages: e instanceof ApiError ? e.messages : null }),
    [add],
  );

  const ask = async (body: { question: string } | { pick: string }, shown: string) => {
    if (busy) return;
    setBusy(true);
    add({ id: newId(), from: 'user', text: shown });
    try {
      const reply = await bot.ask(body);
      const question = 'question' in body ? body.question : shown;
      const more: Msg[] = [{ id: newId(), from: 'bot', kind: 'reply', reply, question }];
      if (reply.decision === 'none' || reply.decision === 'human')
        more.push({ id: newId(), from: 'bot', kind: 'next', liveHelp: reply.liveHelp, question });
      add(...more);
    } catch (e) {
      failed(e);
    } finally {
      setBusy(false);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const q = text.trim();
    if (!q) {
      setHint(t('chat.emptyQuestion'));
      inputRef.current?.focus();
      return;
    }
    setHint('');
    setText('');
    void ask({ question: q }, q);
    inputRef.current?.focus();
  };

  const feedback = async (m: Extract<Msg, { kind: 'reply' }>, solved: boolean) => {
    try {
      const r = await bot.feedback(m.reply.turnId, solved);
      update(m.id, { feedback: solved ? 'solved' : 'unsolved' });
      if (r.next === 'rate') add({ id: newId(), from: 'bot', kind: 'rate' });
      else add({ id: newId(), from: 'bot', kind: 'next', liveHelp: r.liveHelp, question: m.question });
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) update(m.id, { feedback: solved ? 'solved' : 'unsolved' });
      failed(e);
    }
  };

  const restart = () => {
    stopSpeaking();
    resetSession();
    setMsgs([{ id: 'greeting', from: 'bot', kind: 'greeting' }]);
  };

  return (
    <div className={`bb-chat bb-chat-${variant}`} data-testid="chat">
      <div
        ref={logRef}
        className="bb-log"
        role="log"
        aria-live="polite"
        aria-relevant="additions"
        aria-label={t('chat.logLabel')}
        tabIndex={0}
        data-testid="chat-log"
      >
        {msgs.map((m) =>
          m.from === 'user' ? (
            <div key={m.id} className="bb-msg bb-user">
              <span className="pt-sr">{t('chat.you')}</span>
              <p>{m.text}</p>
            </div>
          ) : (
            <div key={m.id} className={`bb-msg bb-bot bb-${m.kind}`} data-testid={`bot-${m.kind}`}>
              <span className="pt-sr">{t('chat.botName')}</span>
              {m.kind === 'greeting' && (
                <>
                  <p>{t('chat.greeting')}</p>
                  <p className="bb-small">{t('chat.examplesTitle')}</p>
                  <div className="bb-chips">
                    {EXAMPLES.map((q) => (
                      <button
                        key={q}
                        type="button"
                        className="bb-chip"
                        disabled={busy}
                        onClick={() => void ask({ question: q }, q)}
                        lang="zh-CN"
                      >
                        {q}
                      </button>
                    ))}
                  </div>
                </>
              )}
              {m.kind === 'reply' && (
                <Reply
                  m={m}
                  onPick={(id, q) => void ask({ pick: id }, q)}
                  onChoose={(id) =>
                    void bot
                      .choose(m.reply.turnId, id)
                      .then((r) => update(m.id, { shown: r.answer }))
                      .catch(failed)
                  }
                  onFeedback={(s) => void feedback(m, s)}
                  busy={busy}
                  onNoneFits={() => {
                    update(m.id, { noneFits: true });
                    if (m.reply.decision === 'suggest') void bot.choose(m.reply.turnId, 'none').catch(failed);
                    add({ id: newId(), from: 'bot', kind: 'next', liveHelp: m.reply.liveHelp, question: m.question });
                  }}
                />
              )}
              {m.kind === 'next' && (
                <NextStep m={m} onReceipt={(r) => add({ id: newId(), from: 'bot', kind: 'receipt', receipt: r })} />
              )}
              {m.kind === 'rate' && <Rating m={m} onUpdate={(p) => update(m.id, p)} onError={failed} />}
              {m.kind === 'receipt' && (
                <div data-testid="message-receipt">
                  <p>
                    <strong>{t('chat.receiptTitle')}</strong>
                  </p>
                  <p>
                    {t('chat.receiptNumber')}
                    <strong>{m.receipt.number}</strong>
                  </p>
                  <p>{t('chat.receiptDue', { when: formatDateTime(m.receipt.dueAt, lang) })}</p>
                </div>
              )}
              {m.kind === 'error' && (
                <p className="pt-error" role="alert">
                  {m.messages ? pick(m.messages, lang) : t('chat.networkError')}
                </p>
              )}
            </div>
          ),
        )}
        {busy && (
          <div className="bb-msg bb-bot bb-typing">
            <p>{t('chat.thinking')}</p>
          </div>
        )}
      </div>
      <form className="bb-composer" onSubmit={submit} data-testid="chat-form">
        <label htmlFor={inputId} className="pt-sr">
          {t('chat.inputLabel')}
        </label>
        <input
          id={inputId}
          ref={inputRef}
          type="text"
          value={text}
          maxLength={2000}
          autoComplete="off"
          enterKeyHint="send"
          placeholder={t('chat.placeholder')}
          aria-describedby={hint ? hintId : undefined}
          aria-invalid={hint ? true : undefined}
          onChange={(e) => {
            setText(e.target.value);
            if (hint) setHint('');
          }}
          data-testid="chat-input"
        />
        <button type="submit" className="bb-send" disabled={busy} data-testid="chat-send">
          {t('chat.send')}
        </button>
      </form>
      {hint && (
        <p id={hintId} className="pt-error bb-hint" role="alert">
          {hint}
        </p>
      )}
      <p className="bb-foot">
        <span>{t('chat.disclaimer')}</span>
        {msgs.length > 1 && (
          <button type="button" className="bb-link" onClick={restart}>
            {t('chat.restart')}
          </button>
        )}
      </p>
    </div>
  );
}

function ReadAloud({ id, getText }: { id: string; getText(): string }) {
  const t = useT();
  const { lang } = useLang();
  const speaking = useSpeaking();
  if (!canSpeak()) return null;
  const on = speaking === id;
  return (
    <button
      type="button"
      className="bb-small-btn"
      aria-pressed={on}
      onClick={() => (on ? stopSpeaking() : speak(id, getText(), lang))}
    >
      {on ? t('chat.stopReading') : t('chat.readAloud')}
    </button>
  );
}

function AnswerCard({
  m,
  a,
  heading,
  onFeedback,
}: {
  m: Extract<Msg, { kind: 'reply' }>;
  a: NonNullable<AskReply['answer']>;
  heading?: string;
  onFeedback(solved: boolean): void;
}) {
  const t = useT();
  const { lang } = useLang();
  const bodyRef = useRef<HTMLDivElement>(null);
  const source = [a.matter, a.department].filter(Boolean).join(' · ');
  return (
    <>
      <p className="bb-q" lang="zh-CN">
        {heading && <span className="bb-did-you-mean">{heading}</span>}
        <strong>{a.question}</strong>
      </p>
      {/* answerHtml is sanitised by the server; it is only ever placed in this container */}
      <div ref={bodyRef} className="bb-answer-body" lang="zh-CN" dangerouslySetInnerHTML={{ __html: a.answerHtml }} />
      <p className="bb-source" data-testid="answer-source">
        {t('chat.source')}
        {source}
        {a.lastReviewed && <> · {t('chat.updated', { date: formatDate(a.lastReviewed, lang) })}</>}
      </p>
      <div className="bb-row">
        {a.guideUrl && (
          <a className="bb-guide" href={a.guideUrl} target="_blank" rel="noopener noreferrer">
            {t('portal.guide')}
            <span className="pt-sr">{t('chat.newWindow')}</span>
            <span aria-hidden="true"> ↗</span>
          </a>
        )}
        <ReadAloud id={`${m.id}-${a.entryId}`} getText={() => `${a.question}。${bodyRef.current?.innerText ?? ''}`} />
      </div>
      <div className="bb-feedback" role="group" aria-label={t('chat.solvedQuestion')}>
        {m.feedback ? (
          <p className="bb-small">{m.feedback === 'solved' ? t('chat.markedSolved') : t('chat.markedUnsolved')}</p>
        ) : (
          <>
            <span>{t('chat.solvedQuestion')}</span>
            <button type="button" className="bb-btn" onClick={() => onFeedback(true)} data-testid="solved">
              {t('chat.solved')}
            </button>
            <button type="button" className="bb-btn" onClick={() => onFeedback(false)} data-testid="unsolved">
              {t('chat.unsolved')}
            </button>
          </>
        )}
      </div>
    </>
  );
}

function Chips({
  items,
  busy,
  onClick,
  testId,
}: {
  items: { entryId: string; question: string }[];
  busy: boolean;
  onClick(entryId: string, question: string): void;
  testId?: string;
}) {
  return (
    <div className="bb-chips" data-testid={testId}>
      {items.map((r) => (
        <button
          key={r.entryId}
          type="button"
          className="bb-chip"
          lang="zh-CN"
          disabled={busy}
          onClick={() => onClick(r.entryId, r.question)}
        >
          {r.question}
        </button>
      ))}
    </div>
  );
}

function Reply({
  m,
  onPick,
  onChoose,
  onFeedback,
  onNoneFits,
  busy,
}: {
  m: Extract<Msg, { kind: 'reply' }>;
  onPick(entryId: string, question: string): void;
  onChoose(entryId: string): void;
  onFeedback(solved: boolean): void;
  onNoneFits(): void;
  busy: boolean;
}) {
  const t = useT();
  const { lang } = useLang();
  const { reply } = m;
  const a = reply.answer;
  if (a && (reply.decision === 'answer' || reply.decision === 'picked')) {
    return (
      <div data-testid="bot-answer">
        <AnswerCard m={m} a={a} onFeedback={onFeedback} />
        {reply.related.length > 0 && (
          <div className="bb-related">
            <p className="bb-small">{t('chat.related')}</p>
            <Chips items={reply.related} busy={busy} onClick={onPick} />
          </div>
        )}
      </div>
    );
  }
  // Not sure enough to answer: the best match's answer under "您是不是想问：…", up to two other choices, 都不是.
  const shown = m.shown ?? reply.suggestion;
  if (reply.decision === 'suggest' && shown) {
    const others = reply.suggestions.filter((s) => s.entryId !== shown.entryId).slice(0, 2);
    return (
      <div data-testid="bot-suggestion">
        <AnswerCard
          m={m}
          a={shown}
          heading={reply.message ? pick(reply.message, lang) : undefined}
          onFeedback={onFeedback}
        />
        {!m.feedback && !m.noneFits && (
          <div className="bb-related">
            {others.length > 0 && <p className="bb-small">{t('chat.otherChoices')}</p>}
            <Chips items={others} busy={busy} onClick={(id) => onChoose(id)} testId="suggestions" />
            <button type="button" className="bb-link" onClick={onNoneFits} data-testid="none-fits">
              {t('chat.noneFits')}
            </button>
          </div>
        )}
      </div>
    );
  }
  return (
    <>
      <p>{reply.message ? pick(reply.message, lang) : t('chat.noAnswer')}</p>
      {reply.link && (
        <p>
          <a className="bb-guide" href={reply.link.url} target="_blank" rel="noopener noreferrer">
            {pick(reply.link.label, lang)}
            <span className="pt-sr">{t('chat.newWindow')}</span>
            <span aria-hidden="true"> ↗</span>
          </a>
        </p>
      )}
      {reply.suggestions.length > 0 && (
        <div className="bb-suggest">
          <Chips items={reply.suggestions} busy={busy} onClick={onPick} testId="suggestions" />
          {!m.feedback && !m.noneFits && (
            <button type="button" className="bb-link" onClick={onNoneFits} data-testid="none-fits">
              {t('chat.noneFits')}
            </button>
          )}
        </div>
      )}
    </>
  );
}

/** What a citizen can do when 小申 could not help: 转人工客服 in live-help hours, a message for a call back (see livechat/). */
function NextStep({ m, onReceipt }: { m: Extract<Msg, { kind: 'next' }>; onReceipt(r: MessageReceipt): void }) {
  return (
    <div data-testid="next-step">
      <LiveHelpOffer liveHelp={m.liveHelp} question={m.question}>
        <LeaveMessage question={m.question} onReceipt={onReceipt} />
      </LiveHelpOffer>
    </div>
  );
}

function LeaveMessage({ question, onReceipt }: { question: string; onReceipt(r: MessageReceipt): void }) {
  const t = useT();
  const { lang } = useLang();
  const id = useId();
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [q, setQ] = useState(question);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [serverError, setServerError] = useState('');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!name.trim()) errs.name = t('chat.nameRequired');
    if (!looksLikePhone(phone)) errs.phone = t('chat.phoneInvalid');
    if (q.trim().length < 2) errs.question = t('chat.questionRequired');
    setErrors(errs);
    if (Object.keys(errs).length) {
      document.getElementById(`${id}-${Object.keys(errs)[0]}`)?.focus();
      return;
    }
    setBusy(true);
    setServerError('');
    try {
      const r = await bot.leaveMessage({ name: name.trim(), phone: phone.trim(), question: q.trim() });
      setDone(true);
      onReceipt(r);
    } catch (err) {
      setServerError(err instanceof ApiError && err.messages ? pick(err.messages, lang) : t('chat.networkError'));
    } finally {
      setBusy(false);
    }
  };
  if (done) return <p className="bb-small">{t('chat.messageSent')}</p>;

  const field = (key: 'name' | 'phone' | 'question', label: string, input: ReactNode, help?: string) => (
    <div className="bb-field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      {input}
      {help && (
        <p className="bb-small" id={`${id}-${key}-help`}>
          {help}
        </p>
      )}
      {errors[key] && (
        <p className="pt-error" id={`${id}-${key}-err`}>
          {errors[key]}
        </p>
      )}
    </div>
  );
  const describe = (key: string, help?: boolean) =>
    [help ? `${id}-${key}-help` : '', errors[key] ? `${id}-${key}-err` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <form
      className="bb-form"
      onSubmit={submit}
      noValidate
      data-testid="leave-message"
      aria-label={t('chat.leaveMessageTitle')}
    >
      <p>
        <strong>{t('chat.leaveMessageTitle')}</strong>
      </p>
      {field(
        'name',
        t('chat.name'),
        <input
          id={`${id}-name`}
          value={name}
          maxLength={40}
          autoComplete="name"
          aria-invalid={!!errors.name}
          aria-describedby={describe('name')}
          onChange={(e) => setName(e.target.value)}
        />,
      )}
      {field(
        'phone',
        t('chat.phone'),
        <input
          id={`${id}-phone`}
          value={phone}
          inputMode="tel"
          autoComplete="tel"
          maxLength={20}
          aria-invalid={!!errors.phone}
          aria-describedby={describe('phone', true)}
          onChange={(e) => setPhone(e.target.value)}
        />,
        t('chat.phoneHelp'),
      )}
      {field(
        'question',
        t('chat.yourQuestion'),
        <textarea
          id={`${id}-question`}
          value={q}
          rows={3}
          maxLength={1000}
          aria-invalid={!!errors.question}
          aria-describedby={describe('question')}
          onChange={(e) => setQ(e.target.value)}
        />,
      )}
      {serverError && (
        <p className="pt-error" role="alert">
          {serverError}
        </p>
      )}
      <button type="submit" className="bb-btn bb-primary" disabled={busy} data-testid="leave-message-submit">
        {busy ? t('chat.sending') : t('chat.sendMessage')}
      </button>
    </form>
  );
}

function Rating({
  m,
  onUpdate,
  onError,
}: {
  m: Extract<Msg, { kind: 'rate' }>;
  onUpdate(p: Partial<Extract<Msg, { kind: 'rate' }>>): void;
  onError(e: unknown): void;
}) {
  const t = useT();
  const { lang } = useLang();
  const id = useId();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const levelText = (l: RatingLevel) => RATING_LABELS[l][lang];
  if (m.done) return <p data-testid="rating-done">{t('chat.rated', { level: levelText(m.level ?? 5) })}</p>;
  const send = async () => {
    if (!m.level) return;
    setBusy(true);
    try {
      await bot.rate(m.level, comment.trim() || undefined);
      onUpdate({ done: true });
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) onUpdate({ done: true });
      onError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div data-testid="rating">
      <p id={`${id}-title`}>{t('chat.rateTitle')}</p>
      <div className="bb-levels" role="group" aria-labelledby={`${id}-title`}>
        {RATING_LEVELS.map((l) => (
          <button
            key={l}
            type="button"
            className="bb-level"
            aria-pressed={m.level === l}
            onClick={() => onUpdate({ level: l })}
          >
            {levelText(l)}
          </button>
        ))}
      </div>
      {m.level && (
        <>
          <div className="bb-field">
            <label htmlFor={`${id}-c`}>{t('chat.rateComment')}</label>
            <textarea
              id={`${id}-c`}
              rows={2}
              maxLength={500}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
            />
          </div>
          <button
            type="button"
            className="bb-btn bb-primary"
            disabled={busy}
            onClick={() => void send()}
            data-testid="rating-submit"
          >
            {t('chat.rateSubmit')}
          </button>
        </>
      )}
    </div>
  );
}
