import { describe, it } from 'vitest';
import { startTwoAndCount } from '../../testing/seed-counts.js';

describe('seeds on postgres', () => {
  // Several nodes share PostgreSQL only; an embedded SQLite file serves one process (ARCHITECTURE.md).
  it('two nodes started at the same moment on an empty database both start, every seed there once (3 trials)', async () => {
    for (let trial = 0; trial < 3; trial++) await startTwoAndCount(true);
  });
});
