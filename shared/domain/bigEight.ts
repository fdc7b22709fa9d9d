/**
 * The eight races followed since November (Picture, Director, the four acting awards, the two screenplays): the
 * ballot leads with them, and the demo crowd's precursor weights are given over them.
 */
export const BIG_EIGHT = [
  "best-picture",
  "best-director",
  "best-actor",
  "best-actress",
  "best-supporting-actor",
  "best-supporting-actress",
  "best-original-screenplay",
  "best-adapted-screenplay",
] as const;
