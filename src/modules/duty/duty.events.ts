import { z } from 'zod';
import { defineEvents } from '../../platform/events/record-event.js';
import { DUTY_REASONS } from '../../contracts/enums/duty.js';

/**
 * What live-help duty records. livechat follows `duty.signed_in` (route waiting citizens) and
 * `duty.signed_out` (hand over the agent's open chats); subject = the user.
 */
export const dutyEvents = defineEvents({
  'duty.signed_in': {
    label: { zh: '在线帮办签到', en: 'Signed in to live help' },
    data: z.object({
      userId: z.string(),
      reason: z.enum(DUTY_REASONS),
      recordId: z.string(),
      rostered: z.boolean(),
      lateMinutes: z.number().int(),
    }),
  },
  'duty.signed_out': {
    label: { zh: '在线帮办签出', en: 'Signed out of live help' },
    data: z.object({
      userId: z.string(),
      reason: z.enum(DUTY_REASONS),
      recordId: z.string(),
      earlyMinutes: z.number().int(),
    }),
  },
  'duty.roster_changed': {
    label: { zh: '调整值班表', en: 'Duty roster changed' },
    data: z.object({
      from: z.string(),
      to: z.string(),
      weekdays: z.array(z.number().int()).nullable(),
      days: z.number().int(),
      userIds: z.array(z.string()),
    }),
  },
});
