import type { Db } from '../../platform/db/connect.js';
import type { TCitizenConversation } from '../../contracts/livechat.js';
import type { WorkingTimeService } from '../calendar/working-time-service.js';
import { liveHelpNow } from './live-hours.js';
import type { ConversationRow } from './livechat.repo.js';
import { citizenConversation } from './livechat.presenters.js';
import { staffOnDuty } from './on-duty.js';

/** The citizen's view of their conversation now (queue position and wait while queued). */
export async function citizenView(
  deps: { db: Db; workingTime: WorkingTimeService },
  c: ConversationRow,
  now: Date,
): Promise<TCitizenConversation> {
  const agents = c.status === 'queued' ? (await staffOnDuty(deps.db, now, 'window_agent')).length : 0;
  return citizenConversation(deps.db, c, await liveHelpNow(deps.workingTime, now), agents);
}
