import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';
import type { MessageKey } from '../i18n/index.js';
import type { TMe } from '../../../src/contracts/org.js';
import type { Ability } from '../../../src/modules/abilities.js';

/** One side-menu entry of a staff face; the face's routes are built from the same list. */
export interface MenuEntry {
  /** path under the face root ('' = the face's home page) */
  path: string;
  label: MessageKey;
  icon?: ReactNode;
  /** the ability the user needs (from /api/auth/me); without it the entry is hidden and the page answers 403 */
  ability?: Ability;
  /** an extra condition on the user (e.g. administrators only) */
  when?: (me: Extract<TMe, { user: object }>) => boolean;
  page?: LazyExoticComponent<ComponentType>;
  /** an outside link opened in a new tab instead of a page */
  href?: string;
}

export function allowed(me: TMe | undefined, e: MenuEntry): boolean {
  if (!me?.user) return false;
  if (e.ability && !me.abilities.includes(e.ability)) return false;
  return e.when ? e.when(me) : true;
}
