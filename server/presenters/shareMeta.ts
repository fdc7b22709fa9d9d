/** The link preview of a shared ballot: its title, description and card, spliced into the page by pageMeta.ts. */
import type { PageMeta } from "./pageMeta.js";
import type { BallotPreview } from "./share.js";

export function shareMetaFor(preview: BallotPreview, url: string, imageUrl: string): PageMeta {
  const [lead] = preview.headline;
  const leadText = lead?.pick ? `${lead.category}: ${lead.pick}.` : "No Best Picture pick yet.";
  const progress =
    preview.decided > 0
      ? `${preview.correct} of ${preview.decided} decided picks right.`
      : `${preview.picked} of ${preview.categories} categories picked.`;
  const description = `${leadText} ${progress} See the picks and how the crowd sees each one.`;
  return {
    title: `${preview.username}’s ${preview.eventName} ballot · Frontrunner`,
    description,
    url,
    image: { url: imageUrl, alt: description, width: 1200, height: 630 },
  };
}
