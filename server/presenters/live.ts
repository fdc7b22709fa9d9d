/** The live stream's winner and scores news → the message shapes of shared/schemas/live.ts. */
import type { LiveScoresMessage, LiveWinnerMessage } from "../../shared/schemas/live.js";
import type { WinnerState } from "../services/liveFeed.js";
import { presentWinnerChange } from "./season.js";

export const presentWinnerMessage = (states: WinnerState[]): LiveWinnerMessage => ({
  categories: states.map(({ eventSlug, categoryId, winnerContenderId, winnerHistory }) => ({
    event: eventSlug,
    categoryId,
    winnerContenderId,
    winnerHistory: winnerHistory.map(presentWinnerChange),
  })),
});

export const presentScoresMessage = (events: { eventSlug: string; version: number }[]): LiveScoresMessage => ({
  events: events.map(({ eventSlug, version }) => ({ event: eventSlug, version })),
});
