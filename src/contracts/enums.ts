/**
 * The enumerations of the API and their names in Chinese and English: the one copy that both the
 * server and the web app import. Plain constants only (no zod, no Node), so the citizen portal can
 * import a label without pulling a schema library into its bundle. One file per domain, so a
 * bundle holds only the tables it uses.
 */

export * from './enums/common.js';
export * from './enums/org.js';
export * from './enums/matters.js';
export * from './enums/calendar.js';
export * from './enums/knowledge.js';
export * from './enums/bot.js';
export * from './enums/callbacks.js';
export * from './enums/audit.js';
export * from './enums/duty.js';
export * from './enums/livechat.js';
export * from './enums/phone.js';
export * from './enums/notifications.js';
export * from './enums/work-orders.js';
export * from './enums/integrations.js';
