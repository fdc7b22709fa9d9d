/** How a row's movement since the latest announcement reads: a short mark to see, and words for a screen reader. */
export type MovementText = { mark: string; words: string };

export function movementText(movement: number | null): MovementText {
  if (movement === null) return { mark: "new", words: "new on the board" };
  if (movement === 0) return { mark: "–", words: "no change" };
  const places = Math.abs(movement) === 1 ? "place" : "places";
  return movement > 0
    ? { mark: `▲${movement}`, words: `up ${movement} ${places}` }
    : { mark: `▼${-movement}`, words: `down ${-movement} ${places}` };
}
