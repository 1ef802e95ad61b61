import type { Db } from '../../platform/db/connect.js';

/**
 * The forbidden-phrase check of an agent's message: the ONE place livechat asks the conduct module.
 *
 * TEMPORARY until the conduct module (branch `duty`) is merged: nothing is forbidden. On merge the
 * body becomes `return screenStaffMessage(db, text)` from
 * `src/modules/conduct/use-cases/screen-staff-message.ts`, and `sendMessage` records the warning
 * with `recordPhraseWarning` when the agent sends anyway (see use-cases/send-message.ts).
 */
export async function screenAgentText(db: Db, text: string): Promise<{ phrase: string; suggestion: string }[]> {
  void db;
  void text;
  return [];
}
