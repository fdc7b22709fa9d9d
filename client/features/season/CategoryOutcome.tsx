/** A category's state for fans: its winner once announced, and whether picks are locked. */
import { isCategoryLocked, lockableOfCategory } from "../../../shared/domain/lock";
import type { Category } from "../../../shared/schemas/events";

/** "★ Winner: Moonlight", or "★ Winner: Casey Affleck · Manchester by the Sea"; nothing while undecided. */
export function CategoryWinner({ category }: { category: Category }) {
  const winner = category.contenders.find((contender) => contender.id === category.winnerContenderId);
  if (!winner) return null;
  return (
    <p className="category-winner">
      <span aria-hidden="true">★ </span>Winner: {winner.name}
      {winner.person && <span className="contender-film"> · {winner.film.title}</span>}
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
