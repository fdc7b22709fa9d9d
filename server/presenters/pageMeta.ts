/**
 * What the served HTML tells search engines and link previews: each public page's title, description and Open
 * Graph / Twitter tags spliced into the SPA's index.html, robots.txt and the sitemap. Every value is escaped.
 */
import type { SeasonEvent } from "../services/seasonService.js";

const escapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
/** Escapes text for an HTML or XML attribute or element (the five characters both treat specially). */
export const escapeMarkup = (text: string) => text.replace(/[&<>"']/g, (char) => escapes[char] ?? char);

/** A page's preview: `url` and the image's URL are absolute, as link previews need. */
export type PageMeta = {
  title: string;
  description: string;
  url: string;
  image?: { url: string; alt: string; width: number; height: number };
};

const SITE_NAME = "Frontrunner";

export function injectPageMeta(indexHtml: string, meta: PageMeta): string {
  const { image } = meta;
  const tags = [
    ["property", "og:type", "website"],
    ["property", "og:site_name", SITE_NAME],
    ["property", "og:title", meta.title],
    ["property", "og:description", meta.description],
    ["property", "og:url", meta.url],
    ...(image
      ? [
          ["property", "og:image", image.url],
          ["property", "og:image:width", String(image.width)],
          ["property", "og:image:height", String(image.height)],
          ["property", "og:image:alt", image.alt],
        ]
      : []),
    ["name", "twitter:card", image ? "summary_large_image" : "summary"],
    ["name", "twitter:title", meta.title],
    ["name", "twitter:description", meta.description],
    ...(image ? [["name", "twitter:image", image.url]] : []),
  ]
    .map(([attribute, key, value]) => `<meta ${attribute}="${key}" content="${escapeMarkup(value ?? "")}" />`)
    .join("\n    ");
  // Replacer functions, not strings: a replacement string reads `$&`, `` $` ``, `$'` in a name as the match or the
  // page around it (a film titled ``La La $` Land`` put the whole head inside the description attribute).
  return indexHtml
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeMarkup(meta.title)}</title>`)
    .replace(
      /<meta name="description"[^>]*>/,
      () => `<meta name="description" content="${escapeMarkup(meta.description)}" />`,
    )
    .replace("</head>", () => `    <link rel="canonical" href="${escapeMarkup(meta.url)}" />\n    ${tags}\n  </head>`);
}

export const homeMeta = (origin: string): PageMeta => ({
  title: "Frontrunner — the 2016–17 Oscar race",
  description:
    "Who will win at the 89th Academy Awards? Follow the fans' consensus odds in every category over the 2016–17 " +
    "season, make your picks before each category locks, and compete on the leaderboard.",
  url: `${origin}/`,
});

type Category = SeasonEvent["categories"][number];

export const categoryPath = (event: SeasonEvent, category: Category) => `/events/${event.slug}/${category.slug}`;

export function categoryMeta(origin: string, event: SeasonEvent, category: Category): PageMeta {
  const count = category.contenders.length;
  return {
    title: `${category.name} odds · ${event.name} · ${SITE_NAME}`,
    description:
      `Who will win ${category.name} at the ${event.name}? The fans' consensus odds for ${count} ` +
      `${count === 1 ? "contender" : "contenders"} and how the race moved over the season. Make your pick.`,
    url: `${origin}${categoryPath(event, category)}`,
  };
}

/** Crawlers may read every page; the API and the operator's area are not pages to index. */
export const presentRobots = (origin: string) =>
  `User-agent: *\nAllow: /\nDisallow: /api/\nDisallow: /admin\n\nSitemap: ${origin}/sitemap.xml\n`;

/** The sitemap protocol's XML (sitemaps.org): one `<loc>` per public page, absolute and escaped. */
export const presentSitemap = (origin: string, paths: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${paths
    .map((pagePath) => `  <url><loc>${escapeMarkup(`${origin}${pagePath}`)}</loc></url>`)
    .join("\n")}\n</urlset>\n`;
