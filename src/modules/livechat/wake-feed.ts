import type { EventFeed } from '../../platform/events/event-feed.js';

const waking = new WeakMap<EventFeed, { again: boolean }>();

/**
 * Delivers this node's just-committed events now instead of at the next poll: a poll already
 * under way may have read before the commit, so one more round follows it (coalesced: many
 * commits during a round cost one extra round). The lead's NOTIFY wake-up on main does this for
 * every node; this keeps the sender's own node prompt meanwhile.
 */
export function wakeFeed(feed: EventFeed): void {
  const state = waking.get(feed);
  if (state) return void (state.again = true);
  const s = { again: false };
  waking.set(feed, s);
  const round = (): void => {
    feed
      .poll()
      .then(() => feed.poll())
      .catch(() => undefined)
      .finally(() => {
        if (s.again) {
          s.again = false;
          round();
        } else waking.delete(feed);
      });
  };
  round();
}
