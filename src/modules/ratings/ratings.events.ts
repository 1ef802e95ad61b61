import { z } from 'zod';
import { defineEvents } from '../../platform/events/record-event.js';

/** A citizen rated a service (好差评): the reviews module reacts to this. */
export const ratingEvents = defineEvents({
  'rating.given': {
    label: { zh: '市民评价', en: 'Service rated' },
    data: z.object({
      channel: z.string(),
      subjectType: z.string(),
      subjectId: z.string(),
      level: z.number().int().min(1).max(5),
      anonymous: z.boolean(),
    }),
  },
});
