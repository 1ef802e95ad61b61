/**
 * A new chat arrives: a short sound (Web Audio, no file to load) and a browser notification that
 * brings the workspace tab forward — the agent never has to leave the page.
 */
import type { TAgentConversation } from '../../../../src/contracts/livechat.js';

let audio: AudioContext | null = null;

/** Two short tones; silent where the browser blocks audio before a user gesture. */
export function playChime(): void {
  try {
    audio ??= new AudioContext();
    const now = audio.currentTime;
    for (const [i, freq] of [880, 1320].entries()) {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.0001, now + i * 0.18);
      gain.gain.exponentialRampToValueAtTime(0.2, now + i * 0.18 + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, now + i * 0.18 + 0.16);
      osc.connect(gain).connect(audio.destination);
      osc.start(now + i * 0.18);
      osc.stop(now + i * 0.18 + 0.17);
    }
  } catch {
    /* no audio */
  }
}

let title: { zh: string; body: (c: TAgentConversation) => string } = {
  zh: '新的在线咨询',
  body: (c) => c.topic,
};
/** The notification's words in the agent's language (set by the page). */
export function setNotificationText(t: typeof title): void {
  title = t;
}

export function notificationsAllowed(): boolean {
  return typeof Notification !== 'undefined' && Notification.permission === 'granted';
}

export function canAskForNotifications(): boolean {
  return typeof Notification !== 'undefined' && Notification.permission === 'default';
}

export function announceNewChat(c: TAgentConversation): void {
  playChime();
  if (!notificationsAllowed()) return;
  try {
    const n = new Notification(title.zh, { body: title.body(c), tag: `chat-${c.id}` });
    n.onclick = () => {
      window.focus();
      n.close();
    };
  } catch {
    /* some browsers only allow notifications from a service worker */
  }
}
