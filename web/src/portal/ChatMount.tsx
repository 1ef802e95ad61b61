import { useT } from '../i18n/index.js';

/**
 * Where the 小申 chat widget will mount (a later issue builds it). Deliberately empty of any
 * bot-like content: only an honest note that the online assistant is not open yet.
 */
export function ChatMount() {
  const t = useT();
  return (
    <section id="bb-chat" className="pt-card pt-chat-mount" aria-labelledby="pt-chat-title" data-testid="chat-mount">
      <h2 id="pt-chat-title">{t('portal.chatTitle')}</h2>
      <p>{t('portal.chatComing')}</p>
    </section>
  );
}
