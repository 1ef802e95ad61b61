import { defineModule } from '../../platform/modules.js';
import { definePolicy } from '../../platform/policy/authorize.js';
import { authRoutes } from './auth.routes.js';
import { departmentRoutes } from './departments.routes.js';
import { matterRoutes } from './matters.routes.js';
import { orgEvents } from './org.events.js';
import { orgPolicy } from './org.policy.js';
import { seedOrganisation } from './seed/seed-organisation.js';
import { userRoutes } from './users.routes.js';

/** Organisation (SPEC §2): sign-in, departments, users and roles, the matter catalogue. */
export const orgModule = defineModule({
  name: 'org',
  policy: definePolicy(orgPolicy, [
    'readDepartments',
    'manageDepartments',
    'listUsers',
    'manageUsers',
    'manageMatters',
  ]),
  events: orgEvents,
  routes(app, ctx) {
    authRoutes(app, ctx);
    userRoutes(app, ctx);
    departmentRoutes(app, ctx);
    matterRoutes(app, ctx);
  },
  seed: seedOrganisation,
});
