import { AppError } from '../../platform/errors.js';

/** True when `err` is losing a race on a status (another node or request changed it first). */
export function lostRace(err: unknown): boolean {
  return err instanceof AppError && (err.code === 'CONFLICT' || err.code === 'INVALID_TRANSITION');
}

/** Runs a step that may lose a race: true when done, false when the status had moved on; other errors throw. */
export async function unlessRaced(step: () => Promise<unknown>): Promise<boolean> {
  try {
    await step();
    return true;
  } catch (err) {
    if (lostRace(err)) return false;
    throw err;
  }
}
