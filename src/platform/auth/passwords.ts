import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../errors.js';

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
const OPTIONS = { algorithm: 2 /* Argon2id */, memoryCost: 19456, timeCost: 2, parallelism: 1 };

/** Hashes a password with argon2id; the only way a password is ever stored. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** Checks a password against its stored hash; false (never an exception) for a bad hash. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** The password rule for staff accounts: 8–128 characters with letters and digits. */
export function checkPasswordStrength(password: string): void {
  if (password.length < 8 || password.length > 128 || !/[A-Za-z]/.test(password) || !/\d/.test(password)) {
    throw new AppError(
      'VALIDATION_FAILED',
      {
        zh: '密码需为 8–128 位，且同时包含字母和数字。',
        en: 'A password needs 8–128 characters with both letters and digits.',
      },
      { field: 'password' },
    );
  }
}

// A fixed hash to verify against when the user does not exist, so timing does not reveal usernames.
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('not-a-real-password-0');
  return dummyHash;
}
