/**
 * When a season becomes read-only history, in one place for server and client: once every category of every ballot
 * it has is decided (has a winner). A season without a ballot never is: it has nothing to decide.
 */
export const isSeasonDecided = (winners: readonly (number | null)[]): boolean =>
  winners.length > 0 && winners.every((winner) => winner !== null);
