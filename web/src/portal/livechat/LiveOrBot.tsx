import { useEffect, useState, type ReactNode } from 'react';
import { useT } from '../../i18n/index.js';
import { request } from '../../api/client.js';
import type { TBotStatus } from '../../../../src/contracts/bot.js';
import { JoinButton } from './LiveHelpOffer.js';
import { LiveChat } from './LiveChat.js';
import { useLiveSession } from './liveSession.js';

/**
 * The chat box of the portal and the widget: the live chat while this tab has a conversation with
 * staff, 小申 (`children`) otherwise — with a direct way to a person during live-help hours.
 */
export function LiveOrBot({ children }: { children: ReactNode }) {
  const t = useT();
  const session = useLiveSession();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (session) return;
    let gone = false;
    request<TBotStatus>('GET', '/api/bot/status', undefined, {})
      .then((s) => !gone && setOpen(s.liveHelp.open))
      .catch(() => undefined);
    return () => {
      gone = true;
    };
  }, [session]);
  if (session) return <LiveChat key={session.conversation.id} session={session} />;
  return (
    <>
      {children}
      {open && (
        <div className="lc-direct" data-testid="direct-live-help">
          <span>{t('live.directText')}</span>
          <JoinButton label={t('live.directButton')} />
        </div>
      )}
    </>
  );
}
