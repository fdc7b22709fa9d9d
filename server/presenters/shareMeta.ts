/** The link preview tags for a shared ballot, injected into the SPA's index.html. Every value is escaped. */
import type { BallotPreview } from "./share.js";

const escapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => escapes[char] ?? char);

type ShareMeta = { title: string; description: string; url: string; imageUrl: string };

export function shareMetaFor(preview: BallotPreview, url: string, imageUrl: string): ShareMeta {
  const [lead] = preview.headline;
  const leadText = lead?.pick ? `${lead.category}: ${lead.pick}.` : "No Best Picture pick yet.";
  const progress =
    preview.decided > 0
      ? `${preview.correct} of ${preview.decided} decided picks right.`
      : `${preview.picked} of ${preview.categories} categories picked.`;
  return {
    title: `${preview.username}’s ${preview.eventName} ballot · Frontrunner`,
    description: `${leadText} ${progress} See the picks and how the crowd sees each one.`,
    url,
    imageUrl,
  };
}

export function injectShareMeta(indexHtml: string, meta: ShareMeta): string {
  const tags = [
    ["property", "og:type", "website"],
    ["property", "og:site_name", "Frontrunner"],
    ["property", "og:title", meta.title],
    ["property", "og:description", meta.description],
    ["property", "og:url", meta.url],
    ["property", "og:image", meta.imageUrl],
    ["property", "og:image:width", "1200"],
    ["property", "og:image:height", "630"],
    ["property", "og:image:alt", meta.description],
    ["name", "twitter:card", "summary_large_image"],
    ["name", "twitter:title", meta.title],
    ["name", "twitter:description", meta.description],
    ["name", "twitter:image", meta.imageUrl],
  ]
    .map(([attribute, key, value]) => `<meta ${attribute}="${key}" content="${escapeHtml(value ?? "")}" />`)
    .join("\n    ");
  // Replacer functions, not strings: a replacement string reads `$&`, `` $` ``, `$'` in a name as the match or the
  // page around it (a film titled ``La La $` Land`` put the whole head inside the description attribute).
  return indexHtml
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(meta.title)}</title>`)
    .replace(
      /<meta name="description"[^>]*>/,
      () => `<meta name="description" content="${escapeHtml(meta.description)}" />`,
    )
    .replace("</head>", () => `    ${tags}\n  </head>`);
}
