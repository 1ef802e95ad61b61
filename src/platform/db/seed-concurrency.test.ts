import { describe, it } from 'vitest';
import { testDbKind } from '../../testing/test-db.js';
import { startTwoAndCount } from '../../testing/seed-counts.js';

describe(`seeds on ${testDbKind()}`, () => {
  it('a node started on a seeded database adds nothing', async () => {
    await startTwoAndCount(false);
  });
});
