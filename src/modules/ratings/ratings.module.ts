import { defineModule } from '../../platform/modules.js';
import { definePolicy } from '../../platform/policy/authorize.js';
import { ratingEvents } from './ratings.events.js';
import { ratingsPolicy } from './ratings.policy.js';
import { ratingRoutes } from './ratings.routes.js';

/** 好差评: one rating per service of any channel (five levels, comment, anonymous or by name). */
export const ratingsModule = defineModule({
  name: 'ratings',
  policy: definePolicy(ratingsPolicy, ['read']),
  events: ratingEvents,
  routes: ratingRoutes,
});
