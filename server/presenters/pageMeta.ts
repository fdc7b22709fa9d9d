/**
 * What the served HTML tells search engines and link previews: each public page's title, description and Open
 * Graph / Twitter tags spliced into the SPA's index.html, robots.txt and the sitemap. Every value is escaped.
 */
import { seasonPaths } from "../../shared/domain/seasonPaths.js";
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
  /**
   * The API reads the page starts with (same-origin paths), preloaded by the browser while it loads the script: the
   * page would otherwise ask for each only once the one before it answered (the seasons, then the season, then its
   * ceremony).
   */
  preload?: string[];
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
    .replace(
      "</head>",
      () =>
        `    <link rel="canonical" href="${escapeMarkup(meta.url)}" />\n    ${tags}\n${preloadLinks(meta.preload ?? [])}  </head>`,
    );
}

/**
 * `crossorigin="anonymous"` is what the API client's `fetch` (mode cors, credentials same-origin) asks for: a preload
 * made any other way is not reused and the page fetches again.
 */
const preloadLinks = (paths: string[]) =>
  paths
    .map((apiPath) => `    <link rel="preload" href="${escapeMarkup(apiPath)}" as="fetch" crossorigin="anonymous" />\n`)
    .join("");

/** The reads every page starts with: the season switcher's list and the page's season. */
const seasonReads = (season: string) => ["/api/seasons", `/api/seasons/${encodeURIComponent(season)}`];

/**
 * A season's home (`pagePath`: `/` for the current season, or its own address): named from the season's data, the
 * ceremony that closes it (absent while the season has no events) asked about.
 */
export function seasonHomeMeta(
  origin: string,
  season: { slug: string; name: string },
  ceremony: { slug: string; name: string } | undefined,
  pagePath: string,
): PageMeta {
  const question = ceremony ? `Who will win at the ${ceremony.name}? ` : "";
  return {
    title: `Frontrunner — the ${season.name}`,
    description:
      `${question}Follow the fans' consensus odds in every category over the ${season.name}, make your picks ` +
      "before each category locks, and compete on the leaderboard.",
    url: `${origin}${pagePath}`,
    preload: [...seasonReads(season.slug), ...(ceremony ? [`/api/events/${encodeURIComponent(ceremony.slug)}`] : [])],
  };
}

type Category = SeasonEvent["categories"][number];

export function categoryMeta(origin: string, season: string, event: SeasonEvent, category: Category): PageMeta {
  const count = category.contenders.length;
  return {
    title: `${category.name} odds · ${event.name} · ${SITE_NAME}`,
    description:
      `Who will win ${category.name} at the ${event.name}? The fans' consensus odds for ${count} ` +
      `${count === 1 ? "contender" : "contenders"} and how the race moved over the season. Make your pick.`,
    url: `${origin}${seasonPaths.category(season, event.slug, category.slug)}`,
    preload: [...seasonReads(season), `/api/events/${encodeURIComponent(event.slug)}`],
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
