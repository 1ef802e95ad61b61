import { defineModule } from '../../platform/modules.js';
import { definePolicy } from '../../platform/policy/authorize.js';
import { SYSTEM_ACTOR } from '../../platform/events/record-event.js';
import { registerDeadlineRecomputer } from '../calendar/deadline-recomputers.js';
import { recomputeFormDeadlines } from './form-deadlines.js';
import { phoneEvents } from './phone.events.js';
import { registerPhoneNotices } from './phone-notices.js';
import { seedDemoForms } from './seed/demo-forms.js';
import { phonePolicy } from './phone.policy.js';
import { phoneRoutes } from './phone.routes.js';
import { linkKbEntry, recordKbEntry } from './use-cases/record-kb-entry.js';
import { sweepFormDeadlines } from './use-cases/sweep-deadlines.js';

/** How often the forms' deadline alerts are checked. */
export const DEADLINE_SWEEP_MS = 60_000;

/** 电话咨询 (SPEC §3.3, seed art. 10.1, annex 3): the call log and phone transfer forms. */
export const phoneModule = defineModule({
  name: 'phone',
  policy: definePolicy(phonePolicy, ['log', 'readCalls', 'readForms', 'departmentWork', 'readAllForms']),
  events: phoneEvents,
  seed: async (db, now, opts) => {
    if (opts.demoCases) await seedDemoForms(db, now);
  },
  services: async () => {
    registerDeadlineRecomputer('phone_form', recomputeFormDeadlines);
    registerPhoneNotices();
  },
  routes: phoneRoutes,
  jobs(ctx) {
    ctx.jobs.addSweep({
      name: 'phone.deadlines',
      everyMs: DEADLINE_SWEEP_MS,
      handler: async (_p, now) => void (await sweepFormDeadlines(ctx, now)),
    });
  },
  consumers(ctx) {
    // once per cluster, in commit order: an accepted proposal from a closed form links its entry,
    // and the day that entry is published becomes the form's KB entry date
    ctx.feed.subscribe({
      name: 'phone.kb-entry',
      durable: true,
      types: ['kb.proposal_accepted', 'kb.entry_published'],
      handle: async (e) => {
        if (!e.subjectId) return;
        if (e.type === 'kb.entry_published') {
          await recordKbEntry(ctx.db, SYSTEM_ACTOR, new Date(e.createdAt), e.subjectId);
          return;
        }
        const entryId = (e.data as { entryId?: string | null }).entryId;
        if (entryId) await linkKbEntry(ctx.db, SYSTEM_ACTOR, new Date(e.createdAt), e.subjectId, entryId);
      },
    });
  },
});
