import type { Policy } from '../platform/policy/authorize.js';
import { auditPolicy } from './audit/audit.policy.js';
import { calendarPolicy } from './calendar/calendar.policy.js';
import { orgPolicy } from './org/org.policy.js';
import { knowledgePolicy } from './knowledge/knowledge.policy.js';
import { botPolicy } from './bot/bot.policy.js';
import { callbacksPolicy } from './callbacks/callbacks.policy.js';

/** Every module's policy, by module name: abilities sent to the web app are derived from these. */
export const POLICIES: Record<string, Policy> = {
  org: orgPolicy,
  calendar: calendarPolicy,
  audit: auditPolicy,
  knowledge: knowledgePolicy,
  bot: botPolicy,
  callbacks: callbacksPolicy,
};
