import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import { shanghaiDate } from '../../platform/calendar/index.js';
import { actorOf, requireUser } from '../../platform/http/context.js';
import { authorize } from '../../platform/policy/authorize.js';
import { ZOk } from '../../contracts/common.js';
import { ZDutyMe, ZDutyRecords, ZRoster, ZRosterSaved } from '../../contracts/duty.js';
import { userScope } from '../org/org.policy.js';
import { dutyPolicy } from './duty.policy.js';
import { ZRecordsQuery, ZRosterQuery, ZSetRoster } from './duty.schemas.js';
import { readDutyRecords, readMyDuty, readRoster } from './use-cases/read-duty.js';
import { setRoster } from './use-cases/set-roster.js';
import { signIn } from './use-cases/sign-in.js';
import { signOut } from './use-cases/sign-out.js';

const ZUserParams = z.object({ id: z.string().min(1).max(64) });

/** Live-help duty: sign in / out, my status, the roster, the sign-in records (seed art. 7). */
export function dutyRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['duty'];
  const liveHours = async () => ({
    cal: await ctx.workingTime.getCalendar(),
    hours: await ctx.workingTime.getHours('live_help'),
  });

  r.get(
    '/api/duty/me',
    { schema: { tags, summary: '我的值守状态 My duty status', response: { 200: ZDutyMe } } },
    async (req) => {
      const p = requireUser(req);
      const { cal, hours } = await liveHours();
      return readMyDuty(ctx.db, p, req.now, cal, hours);
    },
  );

  r.post(
    '/api/duty/sign-in',
    { schema: { tags, summary: '签到 Sign in to live help', response: { 200: ZDutyMe } } },
    async (req) => {
      const p = requireUser(req);
      authorize(p, dutyPolicy.signIn);
      const { cal, hours } = await liveHours();
      await signIn(ctx.db, { ...actorOf(req), userId: p.id }, req.now, cal, hours);
      return readMyDuty(ctx.db, p, req.now, cal, hours);
    },
  );

  r.post(
    '/api/duty/sign-out',
    { schema: { tags, summary: '签出 Sign out of live help', response: { 200: ZDutyMe } } },
    async (req) => {
      const p = requireUser(req);
      authorize(p, dutyPolicy.signIn);
      const { cal, hours } = await liveHours();
      await signOut(ctx.db, actorOf(req), req.now, cal, hours, { userId: p.id, reason: 'self' });
      return readMyDuty(ctx.db, p, req.now, cal, hours);
    },
  );

  r.post(
    '/api/duty/users/:id/sign-out',
    {
      schema: {
        tags,
        summary: '督办签出某客服 Sign an agent out',
        params: ZUserParams,
        response: { 200: ZOk },
      },
    },
    async (req) => {
      const p = requireUser(req);
      authorize(p, dutyPolicy.signOutOthers);
      const { cal, hours } = await liveHours();
      await signOut(ctx.db, actorOf(req), req.now, cal, hours, { userId: req.params.id, reason: 'admin' });
      return { ok: true };
    },
  );

  r.get(
    '/api/duty/roster',
    { schema: { tags, summary: '值班表 Duty roster', querystring: ZRosterQuery, response: { 200: ZRoster } } },
    async (req) => {
      const p = requireUser(req);
      authorize(p, dutyPolicy.readRoster);
      const { cal } = await liveHours();
      return readRoster(ctx.db, userScope(p), cal, req.query.from, req.query.to);
    },
  );

  r.put(
    '/api/duty/roster',
    { schema: { tags, summary: '排班 Set the roster', body: ZSetRoster, response: { 200: ZRosterSaved } } },
    async (req) => {
      const p = requireUser(req);
      authorize(p, dutyPolicy.editRoster);
      const { cal } = await liveHours();
      return setRoster(ctx.db, actorOf(req), req.now, cal, userScope(p), req.body);
    },
  );

  r.get(
    '/api/duty/records',
    {
      schema: {
        tags,
        summary: '签到记录（迟到、早退）Sign-in records',
        querystring: ZRecordsQuery,
        response: { 200: ZDutyRecords },
      },
    },
    async (req) => {
      const p = requireUser(req);
      authorize(p, dutyPolicy.readRecords);
      const today = shanghaiDate(req.now);
      const from = req.query.period === 'month' ? `${today.slice(0, 7)}-01` : (req.query.from ?? req.query.to ?? today);
      return readDutyRecords(ctx.db, userScope(p), from, req.query.to ?? (from > today ? from : today), today);
    },
  );
}
