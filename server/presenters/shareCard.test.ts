/** The share card keeps every name, up to the longest the schemas allow, on its line and inside its box. */
import { describe, expect, it } from "vitest";
import { usernameSchema } from "../../shared/schemas/auth.js";
import type { BallotPreview } from "./share.js";
import { CARD_HEIGHT, CARD_WIDTH, cardSvg } from "./shareCard.js";

/** The longest legal names (usernames 24 characters, names in a season file 120), in the widest capital. */
const longest = (length: number, prefix = "") => prefix + "W".repeat(length - prefix.length);
const MAX_NAME = 120;

const preview = (name: (length: number, prefix?: string) => string): BallotPreview => ({
  username: name(24),
  eventName: name(MAX_NAME, "The "),
  picked: 24,
  categories: 24,
  decided: 24,
  correct: 12,
  headline: [
    { category: name(MAX_NAME, "Best "), pick: name(MAX_NAME), film: null, correct: true },
    { category: name(MAX_NAME, "Best "), pick: name(MAX_NAME, "Wolf "), film: name(MAX_NAME, "A "), correct: false },
    { category: name(MAX_NAME, "Best "), pick: name(MAX_NAME, "La "), film: name(MAX_NAME), correct: true },
    { category: name(MAX_NAME, "Best "), pick: null, film: null, correct: null },
  ],
});
const short = (_length: number, prefix = "") => `${prefix}W`;

type Box = { left: number; top: number; right: number; bottom: number };

/** Lays the card out; its boxes as satori placed them, and the extent of each text's ink (each a path of glyphs). */
async function layOut(card: BallotPreview) {
  const boxes: Box[] = [];
  const svg = await cardSvg(card, (node) =>
    boxes.push({ left: node.left, top: node.top, right: node.left + node.width, bottom: node.top + node.height }),
  );
  // Glyph outlines are absolute moves, lines and curves; backgrounds and borders use relative commands.
  const texts = [...svg.matchAll(/<path fill="[^"]+" d="(M[\d.\s MLQCZ-]+)"/g)].map(([, d = ""]) => {
    const numbers = d.match(/-?[\d.]+/g)?.map(Number) ?? [];
    const xs = numbers.filter((_, index) => index % 2 === 0);
    const ys = numbers.filter((_, index) => index % 2 === 1);
    return {
      start: { x: xs[0] ?? 0, y: ys[0] ?? 0 },
      ink: { left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys) },
    };
  });
  return { boxes, texts };
}

const area = (box: Box) => (box.right - box.left) * (box.bottom - box.top);
/** The smallest box a point lies in: the box of the text that starts there. */
const boxAt = (boxes: Box[], point: { x: number; y: number }) =>
  boxes
    .filter((box) => box.left <= point.x && point.x <= box.right && box.top <= point.y && point.y <= box.bottom)
    .sort((a, b) => area(a) - area(b))[0];

describe("the share card", () => {
  it("is laid out for the longest legal names exactly as for short ones, each name cut short inside its box", async () => {
    expect(usernameSchema.safeParse(longest(24)).success).toBe(true);
    const long = await layOut(preview(longest));
    const brief = await layOut(preview(short));

    // No name wraps onto a second line or pushes anything down, off the card.
    expect(long.boxes.map(({ top, bottom }) => [top, bottom])).toEqual(
      brief.boxes.map(({ top, bottom }) => [top, bottom]),
    );
    for (const box of long.boxes) {
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(CARD_WIDTH);
      expect(box.bottom).toBeLessThanOrEqual(CARD_HEIGHT);
    }
    // And no text runs out of its box sideways (a glyph's outline may stand out of its advance by a pixel or two).
    expect(long.texts.length).toBeGreaterThanOrEqual(10);
    for (const text of long.texts) {
      const box = boxAt(long.boxes, text.start);
      expect(box, `text starting at ${text.start.x},${text.start.y}`).toBeDefined();
      expect(text.ink.left).toBeGreaterThanOrEqual((box?.left ?? 0) - 2);
      expect(text.ink.right).toBeLessThanOrEqual((box?.right ?? 0) + 2);
    }
  });
});
