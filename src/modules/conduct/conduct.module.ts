import { defineModule } from '../../platform/modules.js';
import { definePolicy } from '../../platform/policy/authorize.js';
import { conductEvents, PHRASE_LIST_EVENTS } from './conduct.events.js';
import { conductPolicy } from './conduct.policy.js';
import { conductRoutes } from './conduct.routes.js';
import { invalidateForbiddenPhrases } from './phrase-list.js';
import { seedConduct } from './seed/seed-conduct.js';

/** Staff conduct in live help (seed art. 7): forbidden phrases with suggested wording, canned replies. */
export const conductModule = defineModule({
  name: 'conduct',
  policy: definePolicy(conductPolicy, [
    'checkMessages',
    'readPhrases',
    'managePhrases',
    'phraseStats',
    'useCannedReplies',
    'manageCannedReplies',
  ]),
  events: conductEvents,
  routes: conductRoutes,
  consumers(ctx) {
    // every node drops its cached phrase list when any node changes it
    ctx.feed.subscribe({
      name: 'conduct-phrases',
      types: PHRASE_LIST_EVENTS,
      handle: () => invalidateForbiddenPhrases(ctx.db),
    });
  },
  seed: (db, now) => seedConduct(db, now),
});
