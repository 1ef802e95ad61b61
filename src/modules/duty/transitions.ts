import { defineMachine } from '../../platform/state-machine/state-machine.js';
import { DUTY_STATUS_LABELS, type DutyStatus } from '../../contracts/enums/duty.js';

export type { DutyStatus };
export type DutyAction = 'sign_in' | 'sign_out';

/** An agent's live-help duty: signed in (on) or signed out (off); one row per agent in duty_states. */
export const DUTY_MACHINE = defineMachine<DutyStatus, DutyAction>({
  table: 'duty_states',
  subject: { zh: '值守状态', en: 'duty status' },
  statuses: DUTY_STATUS_LABELS,
  moves: {
    sign_in: { from: ['off'], to: 'on', label: { zh: '签到', en: 'sign in' } },
    sign_out: { from: ['on'], to: 'off', label: { zh: '签出', en: 'sign out' } },
  },
});
