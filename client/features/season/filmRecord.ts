/** A film's record at a ceremony: how many nominations it received and how many it won, counted over every category. */
import type { Category } from "../../../shared/schemas/events";

export type FilmRecord = { nominations: number; wins: number };

/**
 * Film id → its record. A nomination is a contender marked `nominated` (two songs from one film are two); a win is a
 * category whose winner is one of the film's contenders. Before the nominations nothing counts.
 */
export function filmRecords(categories: readonly Category[]): Map<number, FilmRecord> {
  const records = new Map<number, FilmRecord>();
  const recordOf = (filmId: number) => {
    let record = records.get(filmId);
    if (!record) {
      record = { nominations: 0, wins: 0 };
      records.set(filmId, record);
    }
    return record;
  };
  for (const category of categories) {
    for (const contender of category.contenders) {
      if (contender.status === "nominated") recordOf(contender.film.id).nominations += 1;
      if (contender.id === category.winnerContenderId) recordOf(contender.film.id).wins += 1;
    }
  }
  return records;
}

/** "14 nominations · 6 wins", "1 nomination", or null for a film with neither. */
export function recordText({ nominations, wins }: FilmRecord): string | null {
  if (nominations === 0 && wins === 0) return null;
  const parts = [`${nominations} ${nominations === 1 ? "nomination" : "nominations"}`];
  if (wins > 0) parts.push(`${wins} ${wins === 1 ? "win" : "wins"}`);
  return parts.join(" · ");
}
