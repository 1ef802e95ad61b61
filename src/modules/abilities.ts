import type { ModuleDefinition } from '../platform/modules.js';
import type { MODULES } from './index.js';

type AbilityOf<M> = M extends ModuleDefinition<infer N, infer K> ? `${N}.${K}` : never;

/** Every ability the server can send ('knowledge.review', 'callbacks.handle', …), for the web app's `can()`. */
export type Ability = AbilityOf<(typeof MODULES)[number]>;
