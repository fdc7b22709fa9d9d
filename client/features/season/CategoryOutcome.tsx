/** A category's state for fans: its winner once announced, and whether picks are locked. */
import { isCategoryLocked } from "../../../shared/domain/lock";
import type { Category } from "../../../shared/schemas/events";

export function CategoryOutcome({ category }: { category: Category }) {
  const winner = category.contenders.find((contender) => contender.id === category.winnerContenderId);
  const locked = isCategoryLocked(
    {
      locksAt: category.locksAt === null ? null : Date.parse(category.locksAt),
      winnerContenderId: category.winnerContenderId,
    },
    Date.now(),
  );
  if (!winner && !locked) return null;
  return (
    <div className="category-outcome" role="status">
      {winner && (
        <p className="category-winner">
          <span aria-hidden="true">★ </span>Winner: {winner.name}
          {winner.person && <span className="contender-film"> · {winner.film.title}</span>}
        </p>
      )}
      {locked && <p className="badge badge-locked">Locked: picks can no longer change</p>}
    </div>
  );
}
