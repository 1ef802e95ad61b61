import type { Db } from '../../../platform/db/connect.js';
import type { DeliveryChannel } from '../../../contracts/enums/notifications.js';

/** One message of the outbox as a registered channel's sender gets it. */
export interface OutboxMessage {
  /** the outbox row's id (stable across retries) */
  id: string;
  /** what the channel was given as the target when the message was queued (e.g. a client id) */
  target: string;
  subject: string;
  /** the body as queued: never changes between attempts */
  body: string;
  /** this attempt's number, 1 for the first */
  attempt: number;
}

/**
 * A channel of the outbox that another module provides (the integrations module's signed callbacks
 * to client systems). The outbox claims, retries with back-off, dead-letters and replays its
 * messages like e-mails and webhooks; the module only says how one message is sent.
 */
export interface DeliveryChannelDefinition {
  channel: Exclude<DeliveryChannel, 'email' | 'webhook'>;
  /** sends one message (`db`: the outbox's database, for reading the target); throws (a short reason) when not accepted */
  send(msg: OutboxMessage, db: Db, now: Date): Promise<void>;
  /** how the target is shown to an administrator (never a secret) */
  showTarget?(target: string): string;
}

const channels = new Map<string, DeliveryChannelDefinition>();

/** Declares a channel (in a module's `services` hook); declaring one twice replaces it (tests rebuild apps). */
export function registerDeliveryChannel(def: DeliveryChannelDefinition): void {
  channels.set(def.channel, def);
}

export function deliveryChannel(channel: string): DeliveryChannelDefinition | undefined {
  return channels.get(channel);
}
