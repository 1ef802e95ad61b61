import { useT } from '../i18n/index.js';
import { Chat } from './chat/Chat.js';
import { LiveOrBot } from './livechat/LiveOrBot.js';

/** The 小申 chat, the first thing a citizen sees on the portal. */
export function ChatMount() {
  const t = useT();
  return (
    <section id="bb-chat" className="pt-card pt-chat-mount" aria-labelledby="pt-chat-title" data-testid="chat-mount">
      <h2 id="pt-chat-title">{t('portal.chatTitle')}</h2>
      <p className="pt-muted">{t('chat.intro')}</p>
      <LiveOrBot>
        <Chat variant="portal" />
      </LiveOrBot>
    </section>
  );
}
