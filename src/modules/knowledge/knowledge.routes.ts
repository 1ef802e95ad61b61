import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/app-context.js';
import { entryRoutes } from './entries.routes.js';
import { exchangeRoutes } from './exchange.routes.js';
import { remindPolicies } from './jobs/remind-policies.js';
import { policyDocumentRoutes } from './policy-documents.routes.js';
import { proposalRoutes } from './proposals.routes.js';
import { termRoutes } from './terms.routes.js';

const registered = new WeakSet<object>();

/** The knowledge module's sweeps (the policy reminder of art. 15); safe to call more than once per runner. */
export function knowledgeJobs(ctx: AppContext): void {
  if (registered.has(ctx.jobs)) return;
  registered.add(ctx.jobs);
  ctx.jobs.addSweep({
    name: 'kb.policy_reminders',
    everyMs: 3600_000,
    handler: async (_payload, now) => {
      await remindPolicies(ctx.db, now, await ctx.workingTime.getCalendar());
    },
  });
}

/** The knowledge base (SPEC §3.8) under /api/kb: entries and workflow, import/export, policies, proposals, terms, statistics. */
export function knowledgeRoutes(app: FastifyInstance, ctx: AppContext): void {
  entryRoutes(app, ctx);
  exchangeRoutes(app, ctx);
  policyDocumentRoutes(app, ctx);
  proposalRoutes(app, ctx);
  termRoutes(app, ctx);
  knowledgeJobs(ctx);
}
