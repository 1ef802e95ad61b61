import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/app-context.js';
import { requireUser } from '../../platform/http/context.js';
import { authorize } from '../../platform/policy/authorize.js';
import { ratingsPolicy } from './ratings.policy.js';
import { ZListRatings } from './ratings.schemas.js';
import { RATING_LABELS, type RatingLevel } from '../../contracts/enums/bot.js';
import { ZRatingList } from '../../contracts/ratings.js';

/** The ratings of every channel, newest first (the reviews module will build on these). */
export function ratingRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/ratings',
    {
      schema: {
        tags: ['ratings'],
        summary: '好差评 Ratings',
        response: { 200: ZRatingList },
        querystring: ZListRatings,
      },
    },
    async (req) => {
      authorize(requireUser(req), ratingsPolicy.read);
      let q = ctx.db.selectFrom('ratings').selectAll();
      if (req.query.channel) q = q.where('channel', '=', req.query.channel);
      if (req.query.from) q = q.where('created_at', '>=', new Date(req.query.from).toISOString());
      if (req.query.to) q = q.where('created_at', '<', new Date(req.query.to).toISOString());
      const rows = await q.orderBy('created_at', 'desc').limit(500).execute();
      return {
        items: rows.map((x) => ({
          id: x.id,
          channel: x.channel,
          subjectType: x.subject_type,
          subjectId: x.subject_id,
          level: x.level,
          levelLabel: RATING_LABELS[x.level as RatingLevel],
          comment: x.comment,
          anonymous: x.anonymous === 1,
          raterName: x.anonymous === 1 ? null : x.rater_name,
          createdAt: x.created_at,
        })),
      };
    },
  );
}
