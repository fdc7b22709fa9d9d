/** What scoring hears from the picks service, inside each pick's transaction: ballot completions, fans joining and leaving. */
import type { ScoresContext } from "./context.js";

export function createBallotTracking({ scores, boards, records, boardsChanged }: ScoresContext) {
  function refresh(userId: number, eventId: number) {
    boardsChanged(eventId, boards.refreshUser(eventId, userId));
    records.memberChanged(eventId, userId);
  }

  return {
    /**
     * Called inside a pick's transaction when the user picks in a category for the first time: the first time
     * they hold a pick in every category, the completion time is stored. Once the event has scores, a completion
     * (it breaks ties) or a first pick in the event (everyone who picked is on the overall leaderboard) moves
     * only this fan's rows.
     */
    recordPickMade(userId: number, eventId: number, at: number) {
      const ballot = scores.ballotOf(userId, eventId);
      const completes = ballot.picked === ballot.categories && !scores.isCompleted(userId, eventId);
      if (completes) scores.insertCompletion(userId, eventId, at);
      if ((completes || ballot.picked === 1) && scores.countDecided(eventId) > 0) refresh(userId, eventId);
    },

    /** Called inside a pick's transaction after a clear: a fan who no longer picks in the event leaves its scores. */
    recordPickCleared(userId: number, eventId: number) {
      if (scores.ballotOf(userId, eventId).picked === 0 && scores.countDecided(eventId) > 0) refresh(userId, eventId);
    },

    completedAt: (userId: number, eventId: number) => scores.findCompletion(userId, eventId) ?? null,
  };
}
