/**
 * The 1200×630 PNG preview of a shared ballot. satori lays it out and turns the text into vector paths using
 * fonts we ship, resvg rasterizes it, and the result is cached by the preview's content, so a card is drawn
 * once per version of a ballot. User text is only ever drawn as glyphs, never interpreted.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Resvg } from "@resvg/resvg-js";
import satori, { type SatoriNode } from "satori";
import type { BallotPreview } from "./share.js";

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

const require = createRequire(import.meta.url);
const fontFile = (file: string) => readFileSync(require.resolve(`@fontsource/${file}`));

let fonts: Parameters<typeof satori>[1]["fonts"] | undefined;
const loadFonts = () => {
  fonts ??= [
    { name: "Inter", data: fontFile("inter/files/inter-latin-400-normal.woff"), weight: 400, style: "normal" },
    { name: "Inter", data: fontFile("inter/files/inter-latin-700-normal.woff"), weight: 700, style: "normal" },
    {
      name: "Playfair",
      data: fontFile("playfair-display/files/playfair-display-latin-700-normal.woff"),
      weight: 700,
      style: "normal",
    },
  ];
  return fonts;
};

type Style = Record<string, string | number>;
type Node = { type: string; props: { style?: Style; children?: Child | Child[]; [key: string]: unknown } };
type Child = Node | string;
const el = (type: string, style: Style, ...children: Child[]): Node => ({ type, props: { style, children } });

const palette = {
  ink: "#0d0f1a",
  raised: "#1a1f36",
  ivory: "#f4efe3",
  muted: "#aeb3c8",
  gold: "#e8c15a",
  line: "#2a3050",
};

/**
 * One line of text that ends in an ellipsis where it would run out of its box. Names are up to 120 characters (a
 * username 24) and as wide as their letters: only the layout, which measures the glyphs, knows where to cut.
 */
const line = (style: Style, text: string): Node =>
  el("div", { display: "block", whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis", ...style }, text);

const star = (size: number): Node => ({
  type: "svg",
  props: {
    width: size,
    height: size,
    viewBox: "0 0 64 64",
    children: {
      type: "path",
      props: { d: "M32 4l8 18 20 2-15 13 4 20-17-10-17 10 4-20L4 24l20-2z", fill: palette.gold },
    },
  },
});

function cardTree(preview: BallotPreview): Node {
  const [lead, ...others] = preview.headline;
  const summary =
    preview.decided > 0
      ? `${preview.correct} of ${preview.decided} decided picks right`
      : `${preview.picked} of ${preview.categories} categories picked`;
  return el(
    "div",
    {
      // satori sizes boxes as content-box: the padding is taken out of the card's size here.
      width: CARD_WIDTH - 2 * 64,
      height: CARD_HEIGHT - 2 * 52,
      display: "flex",
      flexDirection: "column",
      padding: "52px 64px",
      color: palette.ivory,
      fontFamily: "Inter",
      backgroundImage: `linear-gradient(135deg, #232a52 0%, ${palette.ink} 65%)`,
    },
    el(
      "div",
      { display: "flex", alignItems: "center", color: palette.gold, fontSize: 26, letterSpacing: 4, fontWeight: 700 },
      star(30),
      line({ marginLeft: 14 }, `FRONTRUNNER · ${preview.eventName.toUpperCase()}`),
    ),
    // The name gives way, never "’s ballot".
    el(
      "div",
      { display: "flex", fontFamily: "Playfair", fontSize: 58, marginTop: 26, lineHeight: 1.1 },
      line({}, preview.username),
      el("div", { display: "flex", flexShrink: 0 }, "’s ballot"),
    ),
    lead
      ? el(
          "div",
          { display: "flex", flexDirection: "column", marginTop: 28 },
          line({ fontSize: 26, color: palette.muted }, lead.category),
          line(
            { fontFamily: "Playfair", fontSize: 72, color: palette.gold, lineHeight: 1.1 },
            lead.pick ?? "No pick yet",
          ),
        )
      : el("div", { display: "flex" }),
    el(
      "div",
      { display: "flex", marginTop: "auto", gap: 20 },
      ...others.map((row) =>
        el(
          "div",
          {
            display: "flex",
            flexDirection: "column",
            // Three equal cards across the content width, less the two 20px gaps and their own padding and border.
            width: (CARD_WIDTH - 2 * 64 - 2 * 20) / 3 - 2 * 20 - 2 * 2,
            padding: "16px 20px",
            borderRadius: 16,
            backgroundColor: palette.raised,
            border: `2px solid ${row.correct === true ? palette.gold : palette.line}`,
          },
          line({ fontSize: 20, color: palette.muted }, row.category),
          line({ fontSize: 28, fontWeight: 700, marginTop: 6 }, row.pick ?? "No pick yet"),
          // A no-break space keeps the line (and the three boxes level) when there is no film to name.
          line({ fontSize: 20, color: palette.muted }, row.film ?? "\u00a0"),
        ),
      ),
    ),
    line({ marginTop: 22, fontSize: 22, color: palette.muted }, summary),
  );
}

/** The card as SVG, its text drawn as paths; `onNode` is told where each box was laid out. */
export function cardSvg(preview: BallotPreview, onNode?: (node: SatoriNode) => void): Promise<string> {
  return satori(cardTree(preview) as Parameters<typeof satori>[0], {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts: loadFonts(),
    onNodeDetected: onNode,
  });
}

export function createShareCardRenderer(maxEntries = 500) {
  // Insertion-ordered Map as a small LRU: a hit is re-inserted, the oldest entry is evicted.
  const cache = new Map<string, Buffer>();

  return {
    /** The content version of a preview: also the card's ETag and the cache-busting query in og:image. */
    versionOf: (preview: BallotPreview) =>
      createHash("sha256").update(JSON.stringify(preview)).digest("base64url").slice(0, 16),

    async render(preview: BallotPreview, version: string): Promise<Buffer> {
      const cached = cache.get(version);
      if (cached) {
        cache.delete(version);
        cache.set(version, cached);
        return cached;
      }
      const svg = await cardSvg(preview);
      const png = new Resvg(svg, { fitTo: { mode: "width", value: CARD_WIDTH } }).render().asPng();
      cache.set(version, png);
      if (cache.size > maxEntries) {
        const oldest = cache.keys().next().value;
        if (oldest !== undefined) cache.delete(oldest);
      }
      return png;
    },
  };
}
