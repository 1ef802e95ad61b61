import { isWithinServiceHours, nextServiceOpening, addWorkingMinutes } from '../../platform/calendar/index.js';
import type { WorkingTimeService } from '../calendar/working-time-service.js';
import type { TLiveHelp } from '../../contracts/bot.js';
import { FIRST_RESPONSE_MINUTES } from '../../contracts/enums/livechat.js';

/** Live-help hours now (the bot's computation for channel 'live_help'): open, next opening, periods. */
export async function liveHelpNow(wt: WorkingTimeService, now: Date): Promise<TLiveHelp> {
  const cal = await wt.getCalendar();
  const hours = await wt.getHours('live_help');
  return {
    open: isWithinServiceHours(cal, hours, now),
    nextOpening: nextServiceOpening(cal, hours, now).toISOString(),
    periods: hours.periods,
  };
}

/** When the first human response is due: one working minute of live-help hours after `from`. */
export async function firstResponseDue(wt: WorkingTimeService, from: Date): Promise<string> {
  const cal = await wt.getCalendar();
  const hours = await wt.getHours('live_help');
  return addWorkingMinutes(cal, hours, from, FIRST_RESPONSE_MINUTES).toISOString();
}
