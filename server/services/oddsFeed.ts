/**
 * In-process notifications that a category's odds changed, for the live stream. Changes are coalesced until the
 * current synchronous work (a pick, or the whole demo-crowd transaction) finishes, so a burst sends one message
 * per category rather than one per pick.
 */
import type { OddsChangedMessage } from "../../shared/schemas/odds.js";

type OddsSubscriber = {
  onChange(message: OddsChangedMessage): void;
  /** The server is stopping: end the connection so shutdown is not held open. */
  onClose(): void;
};

export function createOddsFeed() {
  const subscribers = new Set<OddsSubscriber>();
  const immediateListeners: ((categoryId: number) => void)[] = [];
  const pending = new Map<number, number>();
  let flushScheduled = false;

  function flush() {
    flushScheduled = false;
    const changes = [...pending];
    pending.clear();
    for (const [categoryId, at] of changes) {
      const message = { categoryId, updatedAt: new Date(at).toISOString() };
      for (const subscriber of subscribers) subscriber.onChange(message);
    }
  }

  return {
    categoryChanged(categoryId: number, at: number) {
      for (const listener of immediateListeners) listener(categoryId);
      pending.set(categoryId, Math.max(at, pending.get(categoryId) ?? at));
      if (!flushScheduled) {
        flushScheduled = true;
        setImmediate(flush);
      }
    },
    /**
     * Runs synchronously inside the writer's transaction, before any other request can read: for caches, which
     * must never answer from before a change (the coalesced subscribers hear of it a moment later).
     */
    onChangeNow(listener: (categoryId: number) => void) {
      immediateListeners.push(listener);
    },
    subscribe(subscriber: OddsSubscriber): () => void {
      subscribers.add(subscriber);
      return () => subscribers.delete(subscriber);
    },
    get subscriberCount() {
      return subscribers.size;
    },
    closeAll() {
      for (const subscriber of [...subscribers]) subscriber.onClose();
      subscribers.clear();
    },
  };
}

export type OddsFeed = ReturnType<typeof createOddsFeed>;
