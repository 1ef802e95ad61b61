import { defineModule } from '../../platform/modules.js';
import { definePolicy } from '../../platform/policy/authorize.js';
import { registerDeliveryChannel } from '../notifications/delivery/channel-registry.js';
import { callbackChannel } from './callback-sender.js';
import { queueHotlineResult, RESULT_EVENTS } from './hotline-results.js';
import { integrationEvents } from './integrations.events.js';
import { integrationsPolicy } from './integrations.policy.js';
import { integrationRoutes } from './integrations.routes.js';

/**
 * 12345 hotline integration (issue 8): client systems with keys an administrator issues, rotates
 * and revokes; the push API that receives 12345 orders through the work-orders intake; and the
 * results (reply, approved extension, close-out) sent back as signed callbacks through the
 * notifications outbox (a registered channel: its retries, dead letters and replay).
 */
export const integrationsModule = defineModule({
  name: 'integrations',
  policy: definePolicy(integrationsPolicy, ['manageClients']),
  events: integrationEvents,
  services: async (ctx) => {
    registerDeliveryChannel(callbackChannel({ secret: ctx.config.secret }));
  },
  routes: integrationRoutes,
  consumers(ctx) {
    // once per cluster, at least once per event: the outbox row is unique per event
    ctx.feed.subscribe({
      name: 'integrations.hotline-results',
      durable: true,
      types: RESULT_EVENTS,
      handle: async (e) => void (await queueHotlineResult(ctx.db, e, ctx.clock.now())),
    });
  },
});
