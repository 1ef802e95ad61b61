import { Tag } from 'antd';
import { useT } from '../../i18n/index.js';
import type { TAgentConversation } from '../../../../src/contracts/livechat.js';

/** Seconds left under which the clock turns to the warning colour. */
export const WARN_SECONDS = 20;

export type TimerState =
  { kind: 'done' } | { kind: 'running'; secondsLeft: number } | { kind: 'late'; secondsOver: number };

/**
 * The clock of whoever holds the chat: the window agent's first minute, or, once transferred, the
 * business agent's own minute (none when they took it from the department's list).
 */
export function timerState(c: TAgentConversation, serverNow: number): TimerState | null {
  const transferred = c.status === 'transferred';
  const answered = transferred ? c.transferResponseAt : c.firstResponseAt;
  const due = transferred ? c.transferDueAt : c.firstResponseDueAt;
  if (answered) return { kind: 'done' };
  if (!due || c.status === 'closed') return null;
  const left = Math.ceil((Date.parse(due) - serverNow) / 1000);
  return left > 0 && (transferred || !c.breached)
    ? { kind: 'running', secondsLeft: left }
    : { kind: 'late', secondsOver: Math.max(0, -left) };
}

/** The first-response clock of a chat: counts down the minute, warns before it runs out, says when it lapsed (in words, not colour alone). */
export function FirstResponseTimer({
  c,
  serverNow,
  warned,
}: {
  c: TAgentConversation;
  serverNow: number;
  warned?: boolean;
}) {
  const t = useT();
  const s = timerState(c, serverNow);
  if (!s || s.kind === 'done') return null;
  if (s.kind === 'late')
    return (
      <Tag color="error" data-testid="first-response-timer" data-state="late">
        {t('livechat.timerLate')}
      </Tag>
    );
  const warn = s.secondsLeft <= WARN_SECONDS || warned;
  return (
    <Tag
      color={warn ? 'warning' : 'processing'}
      data-testid="first-response-timer"
      data-state={warn ? 'warn' : 'running'}
    >
      {warn ? t('livechat.timerWarn', { s: s.secondsLeft }) : t('livechat.timer', { s: s.secondsLeft })}
    </Tag>
  );
}
