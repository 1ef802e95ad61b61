import { defineModule } from '../../platform/modules.js';
import { definePolicy } from '../../platform/policy/authorize.js';
import { BotIndex } from './bot-index.js';
import { botEvents } from './bot.events.js';
import { botPolicy } from './bot.policy.js';
import { botRoutes } from './bot.routes.js';
import { botStaffRoutes } from './inbox.routes.js';
import { learnedRoutes } from './learned.routes.js';
import { widgetRoutes } from './widget.routes.js';

declare module '../../platform/app-context.js' {
  interface AppContext {
    /** the live knowledge base as the bot searches it, kept fresh from the event feed */
    botIndex: BotIndex;
  }
}

/** 小申 (SPEC §3.1): the citizens' bot, its widget, and the staff side (unanswered inbox, figures). */
export const botModule = defineModule({
  name: 'bot',
  policy: definePolicy(botPolicy, ['readInbox', 'handleInbox', 'readStats', 'readLearned']),
  events: botEvents,
  services: async (ctx) => {
    // follows KB changes from every node through its own feed subscription
    ctx.botIndex = new BotIndex(ctx.db, ctx.feed);
    await ctx.botIndex.rebuild();
  },
  routes(app, ctx) {
    botRoutes(app, ctx, ctx.botIndex);
    botStaffRoutes(app, ctx, ctx.botIndex);
    learnedRoutes(app, ctx);
    widgetRoutes(app);
  },
});
