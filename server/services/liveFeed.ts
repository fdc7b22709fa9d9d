/**
 * What changed for the live stream, as the database says: every write that the stream reports appends a row to the
 * change log in its own transaction, and each process reads the new rows, so a commit by any process (another
 * server on the same file, the operator CLI, an import) reaches every process's listeners.
 *
 * Reading costs one `PRAGMA data_version` every POLL_MS: it moves only when another connection commits, and our own
 * writes raise a flag, so the log itself is read only when something was written. That makes POLL_MS the bound on
 * how late a change is seen (plus the time to read it, well under a millisecond for the rows of 50 ms).
 */
import type { LiveChangeKind, LiveChangeRepository } from "../repositories/liveChangeRepository.js";
import type { SeasonRepository, WinnerChangeRow } from "../repositories/seasonRepository.js";

/** How often each process looks for commits: the stated bound on how late any process's listeners hear of one. */
export const LIVE_POLL_MS = 50;
/** Rows are kept this long (a process that fell further behind than that resyncs its streams), then pruned. */
const KEEP_MS = 5 * 60_000;
const PRUNE_EVERY_MS = 60_000;

/** What changed since the last batch, each thing once: categories (odds, winner) and events (scores). */
export type LiveChanges = {
  odds: number[];
  winners: number[];
  /** Each event whose boards moved, with the change log's id of its latest move: the boards' version. */
  scores: { eventId: number; version: number }[];
  /** An import may have changed anything. */
  season: boolean;
};

/** A category's winner as the stream tells it: with its event's slug, which is how pages know events. */
export type WinnerState = {
  eventSlug: string;
  categoryId: number;
  winnerContenderId: number | null;
  winnerHistory: WinnerChangeRow[];
};

export function createLiveFeed({
  changes,
  seasons,
  now = Date.now,
  prunes = true,
}: {
  changes: LiveChangeRepository;
  seasons: Pick<SeasonRepository, "findCategory" | "listEvents" | "listWinnerChanges">;
  /** Wall time in ms, for pruning only. */
  now?: () => number;
  /** False on a replica's read-only file: the primary prunes, and the deletions arrive with its other commits. */
  prunes?: boolean;
}) {
  const eventSlug = (eventId: number) => seasons.listEvents().find((event) => event.id === eventId)?.slug;
  const immediateOddsListeners: ((categoryId: number) => void)[] = [];
  const externalListeners: (() => void)[] = [];
  const listeners = new Set<(batch: LiveChanges) => void>();
  let lastId = 0;
  let seenVersion = 0;
  let wroteHere = false;
  let timer: NodeJS.Timeout | undefined;
  let prunedAt = 0;

  function record(kind: LiveChangeKind, subjectId: number) {
    changes.append(kind, subjectId);
    wroteHere = true;
  }

  function poll() {
    const version = changes.dataVersion();
    const external = version !== seenVersion;
    if (!external && !wroteHere) return;
    seenVersion = version;
    wroteHere = false;
    const rows = changes.since(lastId);
    const last = rows.at(-1);
    if (last === undefined) return;
    lastId = last.last_id;
    // Another process's write: our caches can't have heard of it, and the listeners are about to read.
    if (external) for (const listener of externalListeners) listener();
    const batch: LiveChanges = { odds: [], winners: [], scores: [], season: false };
    for (const row of rows) {
      if (row.kind === "odds") batch.odds.push(row.subject_id);
      else if (row.kind === "winner") batch.winners.push(row.subject_id);
      else if (row.kind === "scores") batch.scores.push({ eventId: row.subject_id, version: row.last_id });
      else batch.season = true;
    }
    for (const listener of listeners) listener(batch);
  }

  function prune() {
    if (!prunes) return;
    const at = now();
    if (at - prunedAt < PRUNE_EVERY_MS) return;
    prunedAt = at;
    changes.prune(at - KEEP_MS);
  }

  return {
    /**
     * A category's picks changed. Called inside the writer's transaction; the immediate listeners (caches, which
     * must never answer from before a change) run there too, before any other request can read.
     */
    oddsChanged(categoryId: number) {
      for (const listener of immediateOddsListeners) listener(categoryId);
      record("odds", categoryId);
    },
    winnerChanged: (categoryId: number) => record("winner", categoryId),
    scoresChanged: (eventId: number) => record("scores", eventId),
    seasonImported: () => record("season", 0),
    /** The category's winner now, or undefined once it no longer exists (an import can remove one). */
    winnerOf(categoryId: number): WinnerState | undefined {
      const category = seasons.findCategory(categoryId);
      const slug = category && eventSlug(category.event_id);
      return category && slug !== undefined
        ? {
            eventSlug: slug,
            categoryId,
            winnerContenderId: category.winner_contender_id,
            winnerHistory: seasons.listWinnerChanges(categoryId),
          }
        : undefined;
    },
    eventSlug,
    /**
     * Reads what was committed since the last poll now, rather than at the next tick: a caller about to tell its
     * listeners' audience something (the stream's coalesced odds message) includes every commit made before it.
     * Nothing happens unless something listens.
     */
    pollNow() {
      if (timer !== undefined) poll();
    },
    onOddsChangedNow(listener: (categoryId: number) => void) {
      immediateOddsListeners.push(listener);
    },
    /** Runs before the listeners hear of a batch that holds another process's commit. */
    onExternalChange(listener: () => void) {
      externalListeners.push(listener);
    },
    /**
     * Hears every batch from now on. The first listener starts the polling and the last one to leave stops it (a
     * CLI never polls); a listener that comes back later starts from that moment, not from where it left.
     */
    listen(listener: (batch: LiveChanges) => void): () => void {
      listeners.add(listener);
      if (timer === undefined) {
        lastId = changes.latestId();
        seenVersion = changes.dataVersion();
        wroteHere = false;
        timer = setInterval(() => {
          poll();
          prune();
        }, LIVE_POLL_MS);
        timer.unref();
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && timer !== undefined) {
          clearInterval(timer);
          timer = undefined;
        }
      };
    },
  };
}

export type LiveFeed = ReturnType<typeof createLiveFeed>;
