import { useState, type ReactNode } from 'react';
import { pick, useLang, useT } from '../../i18n/index.js';
import { formatDateTime } from '../../shared/format.js';
import { formatPeriods } from '../../shared/hours.js';
import { ApiError } from '../../api/client.js';
import type { TLiveHelp } from '../../../../src/contracts/bot.js';
import { currentChannel, startLiveChat } from './liveSession.js';

/**
 * 小申's next step when it could not help: inside live-help hours 转人工客服 (the bot conversation
 * travels to the agent) with a message for a call back as the alternative; outside hours the hours,
 * the next opening and the message form (`children`).
 */
export function LiveHelpOffer({
  liveHelp,
  question,
  children,
}: {
  liveHelp: TLiveHelp;
  question?: string;
  children: ReactNode;
}) {
  const t = useT();
  const { lang } = useLang();
  const [showForm, setShowForm] = useState(false);
  const hours = formatPeriods(liveHelp.periods, lang);
  if (!liveHelp.open)
    return (
      <>
        <p data-testid="live-closed">
          {t('live.closedNow', { hours })}
          {liveHelp.nextOpening && t('live.nextOpening', { when: formatDateTime(liveHelp.nextOpening, lang) })}
        </p>
        {children}
      </>
    );
  return (
    <>
      <p>{t('live.openNow', { hours })}</p>
      <JoinButton question={question} />
      {showForm ? (
        children
      ) : (
        <button type="button" className="bb-link" onClick={() => setShowForm(true)} data-testid="show-leave-message">
          {t('live.orLeaveMessage')}
        </button>
      )}
    </>
  );
}

/** 转人工客服: joins the queue; the chat box turns into the live chat. */
export function JoinButton({ question, label }: { question?: string; label?: string }) {
  const t = useT();
  const { lang } = useLang();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const join = async () => {
    setBusy(true);
    setError('');
    try {
      await startLiveChat({ channel: currentChannel(), question });
    } catch (e) {
      setError(e instanceof ApiError && e.messages ? pick(e.messages, lang) : t('live.networkError'));
      setBusy(false);
    }
  };
  return (
    <>
      <button
        type="button"
        className="bb-btn bb-primary lc-join"
        disabled={busy}
        onClick={() => void join()}
        data-testid="transfer-to-human"
      >
        {busy ? t('live.joining') : (label ?? t('live.transfer'))}
      </button>
      {error && (
        <p className="pt-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
