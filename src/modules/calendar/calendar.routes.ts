import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/app-context.js';
import { AppError } from '../../platform/errors.js';
import { actorOf, requireUser } from '../../platform/http/context.js';
import { authorize } from '../../platform/policy/authorize.js';
import {
  addWorkingDays,
  addWorkingMinutes,
  calendarCoverageWarnings,
  dayOfWeek,
  isWithinServiceHours,
  nextServiceOpening,
  PRELOADED_YEARS,
} from '../../platform/calendar/index.js';
import { calendarPolicy } from './calendar.policy.js';
import { coveredYears } from './calendar.repo.js';
import {
  CHANNEL_LABELS,
  CHANNELS,
  ZChannelParams,
  ZDayParams,
  ZDeadlineQuery,
  ZImportYear,
  ZServiceHours,
  ZSetDay,
  ZYear,
} from './calendar.schemas.js';
import { importCalendarYear, removeCalendarDay, setCalendarDay, setServiceHours } from './use-cases/edit-calendar.js';
import {
  ZCalendarChanged,
  ZCalendarDays,
  ZCalendarYears,
  ZDeadline,
  ZImportedYear,
  ZServiceHours as ZServiceHoursList,
  ZServiceStatus,
} from '../../contracts/calendar.js';
import type { TCalendarDay, TServiceStatus } from '../../contracts/calendar.js';
import { ZOk } from '../../contracts/common.js';

/** The working-time calendar (holidays, make-up workdays, service hours) and its public status. */
export function calendarRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['calendar'];
  const wt = ctx.workingTime;

  r.get(
    '/api/calendar/years',
    { schema: { tags, summary: '已维护年份与提醒 Covered years and warnings', response: { 200: ZCalendarYears } } },
    async (req) => {
      const p = requireUser(req);
      authorize(p, calendarPolicy.read);
      const covered = await coveredYears(ctx.db);
      return {
        covered,
        preloaded: [...PRELOADED_YEARS],
        warnings: calendarPolicy.manage(p) ? calendarCoverageWarnings(covered, req.now) : [],
      };
    },
  );

  r.get(
    '/api/calendar/days',
    {
      schema: {
        tags,
        summary: '某年节假日与调休 Holidays of a year',
        response: { 200: ZCalendarDays },
        querystring: ZYear,
      },
    },
    async (req) => {
      authorize(requireUser(req), calendarPolicy.read);
      const { year } = req.query;
      const rows = await ctx.db
        .selectFrom('calendar_days')
        .selectAll()
        .where('date', '>=', `${year}-01-01`)
        .where('date', '<=', `${year}-12-31`)
        .orderBy('date')
        .execute();
      return {
        year,
        days: rows.map((d) => ({
          date: d.date,
          kind: d.kind as TCalendarDay['kind'],
          name: d.name,
          source: d.source as TCalendarDay['source'],
          weekday: dayOfWeek(d.date),
        })),
      };
    },
  );

  r.put(
    '/api/calendar/days/:date',
    {
      schema: {
        tags,
        summary: '设置节假日或调休上班日 Set a day',
        response: { 200: ZCalendarChanged },
        params: ZDayParams,
        body: ZSetDay,
      },
    },
    async (req) => {
      authorize(requireUser(req), calendarPolicy.manage);
      const r = await setCalendarDay(ctx.db, actorOf(req), req.now, req.params.date, req.body.kind, req.body.name);
      wt.invalidate();
      return { ok: true, ...r };
    },
  );

  r.delete(
    '/api/calendar/days/:date',
    {
      schema: {
        tags,
        summary: '恢复为普通日 Remove override',
        response: { 200: ZCalendarChanged },
        params: ZDayParams,
      },
    },
    async (req) => {
      authorize(requireUser(req), calendarPolicy.manage);
      const r = await removeCalendarDay(ctx.db, actorOf(req), req.now, req.params.date);
      wt.invalidate();
      return { ok: true, ...r };
    },
  );

  r.post(
    '/api/calendar/import',
    { schema: { tags, summary: '导入全年安排 Import a year', response: { 200: ZImportedYear }, body: ZImportYear } },
    async (req) => {
      authorize(requireUser(req), calendarPolicy.manage);
      const result = await importCalendarYear(ctx.db, actorOf(req), req.now, req.body);
      wt.invalidate();
      return result;
    },
  );

  r.get(
    '/api/service-hours',
    {
      schema: { tags, summary: '各渠道服务时段 Service hours', response: { 200: ZServiceHoursList } },
      config: { public: true },
    },
    async () => {
      const all = await wt.allHours();
      return { items: CHANNELS.map((c) => ({ channel: c, label: CHANNEL_LABELS[c], periods: all[c].periods })) };
    },
  );

  r.put(
    '/api/service-hours/:channel',
    {
      schema: {
        tags,
        summary: '设置服务时段 Set service hours',
        response: { 200: ZOk },
        params: ZChannelParams,
        body: ZServiceHours,
      },
    },
    async (req) => {
      authorize(requireUser(req), calendarPolicy.manage);
      await setServiceHours(ctx.db, actorOf(req), req.now, req.params.channel, req.body.periods);
      wt.invalidate();
      return { ok: true };
    },
  );

  r.get(
    '/api/public/service-status',
    {
      schema: { tags, summary: '当前是否在服务时间 Open now?', response: { 200: ZServiceStatus } },
      config: { public: true },
    },
    async (req) => {
      const cal = await wt.getCalendar();
      const all = await wt.allHours();
      const channels = Object.fromEntries(
        CHANNELS.map((c) => [
          c,
          {
            label: CHANNEL_LABELS[c],
            periods: all[c].periods,
            open: isWithinServiceHours(cal, all[c], req.now),
            nextOpening: nextServiceOpening(cal, all[c], req.now).toISOString(),
          },
        ]),
      );
      return { now: req.now.toISOString(), channels: channels as TServiceStatus['channels'] };
    },
  );

  r.get(
    '/api/calendar/deadline',
    {
      schema: {
        tags,
        summary: '期限计算 Deadline calculator',
        response: { 200: ZDeadline },
        querystring: ZDeadlineQuery,
      },
    },
    async (req) => {
      authorize(requireUser(req), calendarPolicy.read);
      const q = req.query;
      if ((q.workingDays === undefined) === (q.workingMinutes === undefined)) {
        throw new AppError('VALIDATION_FAILED', {
          zh: '请填写工作日数或工作分钟数中的一项。',
          en: 'Give either workingDays or workingMinutes.',
        });
      }
      const cal = await wt.getCalendar();
      const from = new Date(q.from);
      const due =
        q.workingDays !== undefined
          ? addWorkingDays(cal, from, q.workingDays, await wt.closeOfBusiness())
          : addWorkingMinutes(cal, await wt.getHours(q.channel), from, q.workingMinutes!);
      return { from: from.toISOString(), due: due.toISOString() };
    },
  );
}
