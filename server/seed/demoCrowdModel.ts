/**
 * The simulated crowd of a season (its closing ceremony's ballot), as a deterministic list of pick actions. Each fan
 * joins at some point between mid-November and the eve of the ceremony, picks from the "buzz" of that moment (in a category that opens
 * later, at the first news after it opens), and reconsiders a category when a precursor that predicts it hands out
 * its award, or when the nominations eliminate the fan's pick. Every pick first passes the rule a fan's pick passes
 * (shared/domain/pickRule.ts). Pure: it returns actions and writes nothing.
 */
import { BIG_EIGHT } from "../../shared/domain/bigEight.js";
import { lockableOfRow } from "../../shared/domain/lock.js";
import { type ContenderStanding, pickRefusal } from "../../shared/domain/pickRule.js";
import { pickWeighted, seededRandom } from "./random.js";

type CrowdContender = { id: number; slug: string; film_slug: string; status: ContenderStanding };
/** A category as stored: the lock rule reads its row, the crowd its contenders. */
type CrowdCategory = Parameters<typeof lockableOfRow>[0] & { id: number; slug: string; contenders: CrowdContender[] };

/** Something that moved the buzz: a precursor's winners (by Oscar category), or the nominations. */
export type CrowdEvent =
  | { kind: "precursor"; event: string; date: string; winners: { category: string; contender: string }[] }
  | { kind: "nominations"; date: string; nominees: { category: string; contenders: string[] }[] };

/** Where a category's buzz stands on a day: a weight per contender slug (the market of that day, normalized). */
export type CrowdOpening = { category: string; asOf: string; weights: Record<string, number> };

type CrowdAction = {
  /** Index of the simulated fan, 0-based; the caller maps it to a user. */
  fan: number;
  categoryId: number;
  contenderId: number;
  at: number;
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * When a season's crowd picks, from its ceremony's day (`YYYY-MM-DD`): from mid-November of the year before (when
 * the critics' awards begin) to 22:00 UTC on the ceremony's eve. For the 89th Academy Awards (2017-02-26), from
 * 2016-11-15T12:00Z to 2017-02-25T22:00Z.
 */
export function crowdWindow(ceremonyDate: string) {
  const year = Number(ceremonyDate.slice(0, 4));
  return {
    start: Date.parse(`${year - 1}-11-15T12:00:00Z`),
    end: Date.parse(`${ceremonyDate}T22:00:00Z`) - DAY,
  };
}

/** The crowd's random seed: the ceremony's day as a number (20170226), so every fresh database gets the same crowd. */
export const crowdSeed = (ceremonyDate: string) => Number(ceremonyDate.replaceAll("-", ""));

/** A critics' group's factor: a few dozen critics, a weak signal of how the Academy votes. */
const CRITICS = 1.1;
/** One factor for several categories. */
const each = (weight: number, categories: readonly string[]) =>
  Object.fromEntries(categories.map((category) => [category, weight]));
const allEight = (weight: number) => each(weight, BIG_EIGHT);

/**
 * How far one win at a precursor moves an Oscar category: the winner's buzz is multiplied by this. The factor
 * follows how well the award has predicted that Oscar: the guilds vote with the Academy's own branches (DGA for
 * Director, SAG's actors for the acting awards, PGA for Picture), BAFTA shares many voters, the Globes and the
 * Critics' Choice less, and critics' groups (a few dozen critics each) least. A factor listed for a category the
 * body did not award moves that category through its winners' films (the DGA's director carries their film in
 * Picture). Keyed by the event's slug without its year, so another season's events find their weights.
 */
const PRECURSOR_WEIGHTS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  gotham: allEight(CRITICS),
  nbr: allEight(CRITICS),
  nyfcc: allEight(CRITICS),
  lafca: allEight(CRITICS),
  // Beyond the big eight, each body's factor is listed only for the categories of nominations day it awarded
  // itself (film, craft and music prizes), so no winners' films carry it there.
  spirit: {
    ...allEight(CRITICS),
    ...each(CRITICS, [
      "best-cinematography",
      "best-film-editing",
      "best-documentary-feature",
      "best-foreign-language-film",
    ]),
  },
  "critics-choice": {
    ...allEight(1.25),
    ...each(1.25, [
      "best-animated-feature",
      "best-cinematography",
      "best-film-editing",
      "best-production-design",
      "best-costume-design",
      "best-original-score",
      "best-visual-effects",
    ]),
    "best-actress": 1.5,
  },
  "golden-globes": {
    ...allEight(1.25),
    ...each(1.5, ["best-animated-feature", "best-original-score", "best-original-song"]),
    "best-picture": 2.3,
    "best-director": 3.4,
  },
  pga: { "best-picture": 1.5, ...each(3, ["best-animated-feature", "best-documentary-feature"]) },
  sag: {
    "best-picture": 3,
    "best-actor": 4.6,
    "best-actress": 2.6,
    "best-supporting-actor": 2.7,
    "best-supporting-actress": 3.2,
  },
  dga: { "best-director": 2.5, "best-picture": 1.2 },
  bafta: {
    ...allEight(1.5),
    // BAFTA's one Sound award counts for both sound categories.
    ...each(2, [
      "best-animated-feature",
      "best-documentary-feature",
      "best-cinematography",
      "best-film-editing",
      "best-production-design",
      "best-costume-design",
      "best-original-score",
      "best-sound-editing",
      "best-sound-mixing",
      "best-visual-effects",
    ]),
    "best-picture": 1.3,
    "best-director": 1.3,
    "best-supporting-actor": 6,
    "best-supporting-actress": 2.5,
    "best-original-screenplay": 2,
    "best-adapted-screenplay": 2,
  },
  wga: { "best-original-screenplay": 3, "best-adapted-screenplay": 3 },
};

/** Without a sourced opening market, a category's prior falls off with the listed (late-November) order. */
const LISTED_ORDER_DECAY = 0.5;
/** Fans skip a few categories they don't follow. */
const CATEGORY_PARTICIPATION = 0.85;
/** Share of fans who revisit each category on nominations day, when the ballot is news again. */
const NOMINATIONS_REVISIT = 0.5;
/** Reactions spread over the hours after the news, not all at the same instant. */
const REACTION_SPREAD_MS = 8 * HOUR;

/**
 * When an event's news reaches the crowd: the afternoon (UTC) of its day, so the day's reactions fall on that day
 * (the nominations were read at 13:18 UTC). From this instant the crowd treats the nominations as announced.
 */
export const crowdNewsInstant = (date: string) => Date.parse(`${date}T14:00:00Z`);
/** A body's weights key: the event slug without its year ("golden-globes-2017" → "golden-globes"). */
const bodyOf = (eventSlug: string) => eventSlug.replace(/-\d{4}$/, "");

export function simulateCrowd(input: {
  size: number;
  /** The closing ceremony's day: it sets the crowd's window and its seed. */
  ceremonyDate: string;
  categories: readonly CrowdCategory[];
  events: readonly CrowdEvent[];
  openings: readonly CrowdOpening[];
}): CrowdAction[] {
  const random = seededRandom(crowdSeed(input.ceremonyDate));
  const { start: crowdStart, end: crowdEnd } = crowdWindow(input.ceremonyDate);
  const events = [...input.events]
    .map((event) => ({ event, at: crowdNewsInstant(event.date) }))
    .sort((a, b) => a.at - b.at);
  const buzz = buzzModel(input.categories, events, input.openings, crowdStart);
  const standingAt = standings(events);
  // How many fans each event stirs in each category ("event index/category id"): the bigger the news (the largest
  // factor it applies there), the more reconsider, 1 − 1/factor: half the fans for a factor of 2, none for 1.
  const reaction = new Map(
    events.flatMap(({ event }, index) =>
      event.kind === "precursor"
        ? input.categories.map((category) => {
            const largest = Math.max(...category.contenders.map((contender) => factor(event, category, contender)));
            return [`${index}/${category.id}`, 1 - 1 / largest] as const;
          })
        : [],
    ),
  );
  const mayPick = (category: CrowdCategory, contender: CrowdContender, at: number) =>
    pickRefusal(lockableOfRow(category), { inCategory: true, standing: standingAt(category, contender, at) }, at) ===
    null;
  /** A contender drawn from the buzz at `at` among those a fan may pick then, or undefined if none may be. */
  const sample = (category: CrowdCategory, at: number): number | undefined => {
    const weights = buzz(category, at).map((weight, index) => {
      const contender = category.contenders[index];
      return contender && mayPick(category, contender, at) ? weight : 0;
    });
    if (!weights.some((weight) => weight > 0)) return undefined;
    return category.contenders[pickWeighted(random, weights)]?.id;
  };

  const actions: CrowdAction[] = [];
  for (let fan = 0; fan < input.size; fan += 1) {
    // Skewed early: most fans arrive as the season opens, a steady trickle later.
    const joinedAt = crowdStart + Math.floor((crowdEnd - crowdStart) * random() ** 1.6);
    const current = new Map<number, number>();
    // Categories the fan follows that were not open when they joined: they pick there at the first news after it
    // opens (the categories that open on nominations day, at the nominations).
    const awaiting = new Set<number>();
    // A fan's own changes must stay in the order simulated, even when two events' reaction windows overlap.
    let lastChangeAt = joinedAt;
    for (const category of input.categories) {
      if (random() > CATEGORY_PARTICIPATION) continue;
      const contenderId = sample(category, joinedAt);
      if (contenderId === undefined) {
        awaiting.add(category.id);
        continue;
      }
      current.set(category.id, contenderId);
      actions.push({ fan, categoryId: category.id, contenderId, at: joinedAt });
    }
    for (const [eventIndex, { event, at: eventAt }] of events.entries()) {
      if (eventAt <= joinedAt || eventAt >= crowdEnd) continue;
      for (const category of input.categories) {
        const pickId = current.get(category.id);
        const pick = category.contenders.find((contender) => contender.id === pickId);
        if (!pick && !awaiting.has(category.id)) continue;
        const at = Math.min(Math.max(eventAt + Math.floor(random() * REACTION_SPREAD_MS), lastChangeAt), crowdEnd);
        // A fan whose pick can no longer be picked (not nominated) re-picks, as a real fan would.
        const rate =
          event.kind === "nominations" ? NOMINATIONS_REVISIT : (reaction.get(`${eventIndex}/${category.id}`) ?? 0);
        const reacts = !pick || !mayPick(category, pick, at) || random() < rate;
        if (!reacts) continue;
        const contenderId = sample(category, at);
        if (contenderId === undefined || contenderId === pickId) continue;
        awaiting.delete(category.id);
        current.set(category.id, contenderId);
        lastChangeAt = at;
        actions.push({ fan, categoryId: category.id, contenderId, at });
      }
    }
  }
  // Writes in time order keep every snapshot update at the end of the log (nothing later to shift).
  return actions.sort((a, b) => a.at - b.at || a.fan - b.fan || a.categoryId - b.categoryId);
}

/**
 * A contender's standing at an instant, as the picks service would see it then: from the nominations on, the
 * nominations say; before them (or for a category they don't list), the stored status.
 */
function standings(events: readonly { event: CrowdEvent; at: number }[]) {
  let announcedAt = Number.POSITIVE_INFINITY;
  const nominees = new Map<string, Set<string>>();
  for (const { event, at } of events) {
    if (event.kind !== "nominations") continue;
    announcedAt = at;
    for (const entry of event.nominees) nominees.set(entry.category, new Set(entry.contenders));
  }
  return (category: CrowdCategory, contender: CrowdContender, at: number): ContenderStanding => {
    const listed = nominees.get(category.slug);
    if (at < announcedAt || !listed) return contender.status;
    return listed.has(contender.slug) ? "nominated" : "eliminated";
  };
}

/** How much one precursor's results multiply a contender's buzz (1 when the body's award says nothing of it). */
function factor(event: CrowdEvent & { kind: "precursor" }, category: CrowdCategory, contender: CrowdContender) {
  const weight = PRECURSOR_WEIGHTS[bodyOf(event.event)]?.[category.slug] ?? 1;
  if (weight === 1) return 1;
  const inCategory = event.winners.filter((winner) => winner.category === category.slug);
  if (inCategory.length > 0) {
    return weight ** inCategory.filter((winner) => winner.contender === contender.slug).length;
  }
  // The body gave no award in this category: its winners' films carry the weight.
  const films = new Set(event.winners.map((winner) => winner.contender));
  return films.has(contender.film_slug) ? weight : 1;
}

/**
 * Buzz per contender at any instant: the category's opening weights (the market on its day, which had already
 * priced in the awards before it), multiplied by every precursor factor announced up to that instant and divided
 * by those announced up to the opening's day. So before the opening day the early critics' awards are taken back
 * out, and after it each award moves the race by its factor.
 */
function buzzModel(
  categories: readonly CrowdCategory[],
  events: readonly { event: CrowdEvent; at: number }[],
  openings: readonly CrowdOpening[],
  crowdStart: number,
) {
  const nominationsOf = nominationsPerFilm(categories, events);
  const timelines = new Map(
    categories.map((category) => {
      const opening = openings.find((candidate) => candidate.category === category.slug);
      const prior = category.contenders.map((contender, position) => {
        // A category first on the ballot on nominations day lists its nominees alphabetically, so its order says
        // nothing: a fan with no precursor to go on leans to the films the Academy nominated most, in proportion.
        if (!opening && category.opens_on !== null) return nominationsOf.get(contender.film_slug) ?? 1;
        if (!opening) return LISTED_ORDER_DECAY ** position;
        // Contenders the market did not price get half its longest shot: present, but barely.
        const floor = Math.min(...Object.values(opening.weights)) / 2;
        return opening.weights[contender.slug] ?? floor;
      });
      // cumulative[k]: each contender's product of the factors of the first k events.
      const cumulative: number[][] = [category.contenders.map(() => 1)];
      for (const { event } of events) {
        const previous = cumulative.at(-1) ?? [];
        cumulative.push(
          category.contenders.map(
            (contender, index) =>
              (previous[index] ?? 1) * (event.kind === "precursor" ? factor(event, category, contender) : 1),
          ),
        );
      }
      const anchor = opening ? Date.parse(`${opening.asOf}T23:59:59Z`) : crowdStart;
      return [category.id, { prior, cumulative, atAnchor: cumulative[countUpTo(events, anchor)] ?? [] }] as const;
    }),
  );
  const own = (category: CrowdCategory, at: number): number[] => {
    const timeline = timelines.get(category.id);
    if (!timeline) return [];
    const now = timeline.cumulative[countUpTo(events, at)] ?? [];
    return timeline.prior.map((weight, index) => (weight * (now[index] ?? 1)) / (timeline.atAnchor[index] ?? 1));
  };
  // Buzz only changes when an event is announced: one computation per category and number of events so far.
  const cache = new Map<string, number[]>();
  return (category: CrowdCategory, at: number): number[] => {
    const key = `${category.id}/${countUpTo(events, at)}`;
    const cached = cache.get(key) ?? own(category, at);
    cache.set(key, cached);
    return cached;
  };
}

/** How many nominations each film received, across every category (a performance or a song counts for its film). */
function nominationsPerFilm(categories: readonly CrowdCategory[], events: readonly { event: CrowdEvent }[]) {
  const counts = new Map<string, number>();
  for (const { event } of events) {
    if (event.kind !== "nominations") continue;
    for (const entry of event.nominees) {
      const category = categories.find((candidate) => candidate.slug === entry.category);
      for (const slug of entry.contenders) {
        const film = category?.contenders.find((contender) => contender.slug === slug)?.film_slug;
        if (film) counts.set(film, (counts.get(film) ?? 0) + 1);
      }
    }
  }
  return counts;
}

/** How many events were announced at or before the instant (events are in time order). */
function countUpTo(events: readonly { at: number }[], at: number): number {
  const index = events.findIndex((entry) => entry.at > at);
  return index === -1 ? events.length : index;
}
