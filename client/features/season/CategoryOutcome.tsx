/** A category's state for fans: its winner once announced, and whether picks are locked. */
import { isCategoryLocked, lockableOfCategory } from "../../../shared/domain/lock";
import { correctionStory } from "../../../shared/domain/winnerStory";
import type { Category } from "../../../shared/schemas/events";

/**
 * "★ Winner: Moonlight", or "★ Winner: Casey Affleck · Manchester by the Sea"; nothing while undecided. A winner
 * that was corrected says so, from the category's winner history: "— La La Land was read out in error and
 * corrected on stage".
 */
export function CategoryWinner({ category }: { category: Category }) {
  const winner = category.contenders.find((contender) => contender.id === category.winnerContenderId);
  if (!winner) return null;
  const names = new Map(category.contenders.map((contender) => [contender.id, contender.name]));
  const story = correctionStory(category.winnerHistory, (id) => names.get(id) ?? "Another contender");
  return (
    <p className="category-winner">
      <span aria-hidden="true">★ </span>Winner: {winner.name}
      {winner.person && <span className="contender-film"> · {winner.film.title}</span>}
      {story && <span className="category-winner-story"> — {story}</span>}
    </p>
  );
}

export function CategoryOutcome({ category }: { category: Category }) {
  const locked = isCategoryLocked(lockableOfCategory(category), Date.now());
  if (category.winnerContenderId === null && !locked) return null;
  return (
    <div className="category-outcome" role="status">
      <CategoryWinner category={category} />
      {locked && <p className="badge badge-locked">Locked: picks can no longer change</p>}
    </div>
  );
}
