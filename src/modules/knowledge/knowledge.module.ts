import { defineModule } from '../../platform/modules.js';
import { definePolicy } from '../../platform/policy/authorize.js';
import { registerDeadlineRecomputer } from '../calendar/deadline-recomputers.js';
import { remindPolicies } from './jobs/remind-policies.js';
import { recomputePolicyDeadlines } from './policy-deadlines.js';
import { knowledgeEvents } from './knowledge.events.js';
import { registerKnowledgeNotices } from './knowledge-notices.js';
import { knowledgePolicy } from './knowledge.policy.js';
import { knowledgeRoutes } from './knowledge.routes.js';
import { seedKnowledge } from './seed/seed-knowledge.js';

/** The knowledge base (SPEC §3.8): entries with their review workflow, versions, policies, proposals, terms. */
export const knowledgeModule = defineModule({
  name: 'knowledge',
  policy: definePolicy(knowledgePolicy, [
    'read',
    'edit',
    'review',
    'import',
    'export',
    'managePolicies',
    'readPolicies',
    'propose',
    'decideProposals',
    'manageTerms',
    'readTerms',
    'stats',
  ]),
  events: knowledgeEvents,
  services: async () => {
    // policies' publish-by dates follow holiday changes (calendar edits, in the same transaction)
    registerDeadlineRecomputer('policy_document', recomputePolicyDeadlines);
    // reviewers hear of entries to review, editors of returned entries and policy reminders
    registerKnowledgeNotices();
  },
  routes: knowledgeRoutes,
  jobs(ctx) {
    // the policy reminder of art. 15
    ctx.jobs.addSweep({
      name: 'kb.policy_reminders',
      everyMs: 3600_000,
      handler: async (_payload, now) => {
        await remindPolicies(ctx.db, now, await ctx.workingTime.getCalendar());
      },
    });
  },
  seed: seedKnowledge,
});
