/**
 * The season data file: the format of the seed (server/seed/*.json) and of operator imports.
 * Cross-references (a contender's film, a result's category) are checked here so a bad file
 * is refused whole, with every problem's path, before anything is written.
 */
import { z } from "zod/mini";
import { eventKindSchema, isoDateSchema, isoInstantSchema, slugSchema } from "./common.js";

const nameSchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(120));

const releaseSchema = z.object({
  date: isoDateSchema,
  kind: z.enum(["limited", "expansion", "wide"]),
  /** `announced` keeps a published plan that later changed, so the calendar can show both truthfully. */
  status: z.enum(["actual", "announced"]),
  note: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
});

const filmSchema = z.object({
  slug: slugSchema,
  title: nameSchema,
  releases: z.array(releaseSchema).check(z.maxLength(20)),
});

const seasonContenderSchema = z.object({
  slug: slugSchema,
  film: slugSchema,
  person: z.nullable(nameSchema),
});

const seasonCategorySchema = z.object({
  slug: slugSchema,
  name: nameSchema,
  kind: z.enum(["film", "person"]),
  /**
   * The day the category opens for picks (from the start of that day, UTC); before it, it is not on the ballot.
   * Left out, it is open from the start. It may not be after its event, nor on or after its lock (the import checks
   * the stored lock).
   */
  opensOn: z.optional(isoDateSchema),
  contenders: z.array(seasonContenderSchema).check(z.minLength(1), z.maxLength(40)),
});

/**
 * Where a fact in the file was checked: optional and not imported (the database has no use for it); it keeps the
 * evidence beside the data, see docs/season-data.md.
 */
const sourceSchema = z.object({
  title: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  url: z.url(),
  /** What the source confirms, in a few words. */
  confirms: z.string().check(z.trim(), z.minLength(1), z.maxLength(500)),
});

const seasonEventSchema = z.object({
  slug: slugSchema,
  name: nameSchema,
  date: isoDateSchema,
  kind: eventKindSchema,
  categories: z._default(z.array(seasonCategorySchema).check(z.maxLength(40)), []),
  tiebreakerQuestion: z._default(z.nullable(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))), null),
});

export const seasonFileSchema = z
  .object({
    season: z.object({ slug: slugSchema, name: nameSchema }),
    films: z.array(filmSchema).check(z.maxLength(500)),
    events: z.array(seasonEventSchema).check(z.minLength(1), z.maxLength(100)),
    /** Film slugs the season's race chart follows by default, in order; optional so older files still load. */
    featured: z._default(z.array(slugSchema).check(z.maxLength(8)), []),
    sources: z._default(z.array(sourceSchema).check(z.maxLength(200)), []),
  })
  .check(
    z.superRefine((season, ctx) => {
      const filmSlugs = new Set<string>();
      season.films.forEach((film, index) => {
        if (filmSlugs.has(film.slug)) {
          ctx.addIssue({ code: "custom", path: ["films", index, "slug"], message: `duplicate film "${film.slug}"` });
        }
        filmSlugs.add(film.slug);
      });
      season.featured.forEach((slug, index) => {
        if (!filmSlugs.has(slug)) {
          ctx.addIssue({ code: "custom", path: ["featured", index], message: `unknown film "${slug}"` });
        }
        if (season.featured.indexOf(slug) !== index) {
          ctx.addIssue({ code: "custom", path: ["featured", index], message: `"${slug}" is featured twice` });
        }
      });
      const eventSlugs = new Set<string>();
      season.events.forEach((event, eventIndex) => {
        if (eventSlugs.has(event.slug)) {
          ctx.addIssue({
            code: "custom",
            path: ["events", eventIndex, "slug"],
            message: `duplicate event "${event.slug}"`,
          });
        }
        eventSlugs.add(event.slug);
        const categorySlugs = new Set<string>();
        event.categories.forEach((category, categoryIndex) => {
          const categoryPath = ["events", eventIndex, "categories", categoryIndex];
          if (categorySlugs.has(category.slug)) {
            ctx.addIssue({
              code: "custom",
              path: [...categoryPath, "slug"],
              message: `duplicate category "${category.slug}"`,
            });
          }
          categorySlugs.add(category.slug);
          if (category.opensOn !== undefined && category.opensOn > event.date) {
            ctx.addIssue({
              code: "custom",
              path: [...categoryPath, "opensOn"],
              message: `opens on ${category.opensOn}, after its event (${event.date})`,
            });
          }
          const contenderSlugs = new Set<string>();
          category.contenders.forEach((contender, contenderIndex) => {
            const contenderPath = [...categoryPath, "contenders", contenderIndex];
            if (contenderSlugs.has(contender.slug)) {
              ctx.addIssue({
                code: "custom",
                path: [...contenderPath, "slug"],
                message: `duplicate contender "${contender.slug}"`,
              });
            }
            contenderSlugs.add(contender.slug);
            if (!filmSlugs.has(contender.film)) {
              ctx.addIssue({
                code: "custom",
                path: [...contenderPath, "film"],
                message: `unknown film "${contender.film}"`,
              });
            }
            if (category.kind === "person" && contender.person === null) {
              ctx.addIssue({
                code: "custom",
                path: [...contenderPath, "person"],
                message: "a person category needs a person",
              });
            }
          });
        });
      });
    }),
  );

export type SeasonFile = z.infer<typeof seasonFileSchema>;

/** One envelope opened: which category, whom it named, and when (a UTC instant) and how we know, where known. */
const announcementSchema = z
  .object({
    /** Another event of the season whose own ballot this decides; the replay's ceremony when absent. */
    event: z.optional(slugSchema),
    category: slugSchema,
    contender: slugSchema,
    /** When it was announced; without it, the replay stamps the step when it runs. */
    announcedAt: z.optional(isoInstantSchema),
    /** Where the time (and the order) comes from: a public report of the night. */
    source: z.optional(z.url()),
    /** Set when the time is estimated rather than reported to the minute, saying how it was estimated. */
    estimate: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(300))),
  })
  .check(
    z.refine((entry) => entry.announcedAt === undefined || entry.source !== undefined, {
      path: ["source"],
      message: "a time needs the report it comes from",
    }),
  );

/**
 * What actually happened in a season, entered by `season:replay`: precursor results (each mapped to the ceremony
 * category it foreshadows), the nominations, and the winners, all by slug into the season file above.
 */
export const replayFileSchema = z
  .object({
    ceremony: slugSchema,
    precursorResults: z
      .array(
        z.object({
          event: slugSchema,
          results: z
            .array(
              z.object({
                /** The precursor's own award name, e.g. "Best Motion Picture – Drama". */
                award: nameSchema,
                category: slugSchema,
                contender: slugSchema,
              }),
            )
            .check(z.minLength(1)),
        }),
      )
      .check(z.maxLength(50)),
    nominations: z.object({
      event: slugSchema,
      categories: z.array(
        z.object({ category: slugSchema, nominees: z.array(slugSchema).check(z.minLength(1), z.maxLength(10)) }),
      ),
    }),
    /**
     * The night's announcements in ceremony order, each at its instant when known; an entry naming another `event`
     * is a winner of that event's own ballot (a precursor's, such as the Golden Globes).
     */
    winners: z.array(announcementSchema),
    /** The envelope mix-up: what was read out before the correction, and when. */
    announcedInError: z._default(z.array(announcementSchema), []),
    tiebreakerAnswer: z._default(z.nullable(z.number().check(z.int(), z.minimum(0))), null),
    sources: z._default(z.array(sourceSchema).check(z.maxLength(200)), []),
  })
  .check(
    z.superRefine((replay, ctx) => {
      // Problems the file shows on its own; whether each slug exists is the replay service's check.
      const nominees = new Map(replay.nominations.categories.map((entry) => [entry.category, entry.nominees]));
      const ofCeremony = (entry: { event?: string }) => entry.event === undefined || entry.event === replay.ceremony;
      const key = (entry: { event?: string; category: string }) =>
        `${entry.event ?? replay.ceremony}/${entry.category}`;
      const checkNominee = (
        path: (string | number)[],
        entry: { event?: string; category: string; contender: string },
      ) => {
        const named = ofCeremony(entry) ? nominees.get(entry.category) : undefined;
        if (named && !named.includes(entry.contender)) {
          ctx.addIssue({ code: "custom", path, message: `"${entry.contender}" is not a nominee in ${entry.category}` });
        }
      };
      const seen = new Set<string>();
      replay.winners.forEach((winner, index) => {
        checkNominee(["winners", index, "contender"], winner);
        if (seen.has(key(winner))) {
          ctx.addIssue({
            code: "custom",
            path: ["winners", index, "category"],
            message: `a second winner for ${winner.category}`,
          });
        }
        seen.add(key(winner));
        const previous = replay.winners[index - 1];
        if (
          previous?.announcedAt !== undefined &&
          winner.announcedAt !== undefined &&
          Date.parse(winner.announcedAt) <= Date.parse(previous.announcedAt)
        ) {
          ctx.addIssue({
            code: "custom",
            path: ["winners", index, "announcedAt"],
            message: "must be after the announcement before it (the list is in ceremony order)",
          });
        }
      });
      replay.announcedInError.forEach((error, index) => {
        checkNominee(["announcedInError", index, "contender"], error);
        const corrected = replay.winners.find((winner) => key(winner) === key(error));
        if (!corrected) {
          ctx.addIssue({
            code: "custom",
            path: ["announcedInError", index, "category"],
            message: `an error in ${error.category} needs that category's winner to correct it`,
          });
        } else if (
          error.announcedAt !== undefined &&
          corrected.announcedAt !== undefined &&
          Date.parse(error.announcedAt) >= Date.parse(corrected.announcedAt)
        ) {
          ctx.addIssue({
            code: "custom",
            path: ["announcedInError", index, "announcedAt"],
            message: "must be before the correction",
          });
        }
      });
    }),
  );
export type ReplayFile = z.infer<typeof replayFileSchema>;
