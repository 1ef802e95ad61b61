import type { FastifyInstance } from 'fastify';
import type { AppContext } from './app-context.js';
import type { Db } from './db/connect.js';
import type { EventCatalogue } from './events/record-event.js';
import type { ModulePolicy } from './policy/authorize.js';

/**
 * Everything the platform needs to know about a domain module, in one declaration; the list in
 * `src/modules/index.ts` is the only place modules are wired (the platform imports no module).
 */
export interface ModuleDefinition<
  N extends string = string,
  K extends string = string,
  E extends EventCatalogue = EventCatalogue,
> {
  /** the prefix of its abilities ('knowledge' → 'knowledge.review') */
  name: N;
  /** its rules and the subject-free ones sent to the web app */
  policy: ModulePolicy<K>;
  /** its event types (zod data + zh/en labels) */
  events: E;
  /** creates what the module shares with others on the context (caches, indexes); run in list order */
  services?(ctx: AppContext): Promise<void>;
  routes(app: FastifyInstance, ctx: AppContext): void;
  /** its recurring sweeps on the job runner */
  jobs?(ctx: AppContext): void;
  /** its subscriptions to the event feed (`ctx.feed.subscribe`), made before the feed starts */
  consumers?(ctx: AppContext): void;
  /** insert-if-missing reference data (and demo data when `demo`) */
  seed?(db: Db, now: Date, opts: { demo: boolean; demoCases?: boolean }): Promise<void>;
}

/** Declares a module; the name keeps its literal types (for the Ability union and the event catalogue). */
export function defineModule<const N extends string, const K extends string, E extends EventCatalogue>(
  m: ModuleDefinition<N, K, E>,
): ModuleDefinition<N, K, E> {
  return m;
}
