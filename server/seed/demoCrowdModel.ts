/**
 * The simulated crowd of the 2016–17 season, as a deterministic list of pick actions. Each fan joins at some point
 * between mid-November and the eve of the ceremony, picks every category from the "buzz" of that moment, and
 * afterwards reconsiders some picks whenever a precursor hands out its awards or the nominations are announced.
 * Pure: it returns actions and writes nothing.
 */
import { pickWeighted, type Random, seededRandom } from "./random.js";

type CrowdCategory = { id: number; slug: string; contenders: { id: number; slug: string }[] };
/** Something that moved the buzz on a day: precursor winners get a boost, nomination snubs fade. */
export type CrowdEvent =
  | { kind: "precursor"; date: string; winners: { category: string; contender: string }[] }
  | { kind: "nominations"; date: string; nominees: { category: string; contenders: string[] }[] };

type CrowdAction = {
  /** Index of the simulated fan, 0-based; the caller maps it to a user. */
  fan: number;
  categoryId: number;
  contenderId: number;
  at: number;
};

const CROWD_START = Date.parse("2016-11-15T12:00:00Z");
/** The eve of the 89th Academy Awards. */
const CROWD_END = Date.parse("2017-02-25T22:00:00Z");

const HOUR = 3_600_000;
/** Each precursor win multiplies a contender's buzz: the season's narratives are built from these. */
const PRECURSOR_BOOST = 1.8;
/** A contender not nominated keeps a sliver of buzz: a few fans hold on. */
const SNUB_FACTOR = 0.03;
/** Share of fans who reconsider a category when a precursor awards it to someone other than their pick. */
const REACTION_RATE = 0.3;
/** Of those, the share who jump to the precursor's winner rather than to whoever has the most buzz. */
const FOLLOW_THE_WINNER = 0.6;
/** Share of fans whose pick was snubbed who switch to a nominee. */
const SNUB_REACTION_RATE = 0.85;
/** Fans skip a few categories they don't follow. */
const CATEGORY_PARTICIPATION = 0.85;
/** Reactions spread over the two days after an event, not all at the same instant. */
const REACTION_SPREAD_MS = 48 * HOUR;

export function simulateCrowd(input: {
  size: number;
  seed: number;
  categories: readonly CrowdCategory[];
  events: readonly CrowdEvent[];
}): CrowdAction[] {
  const random = seededRandom(input.seed);
  const events = [...input.events].sort((a, b) => a.date.localeCompare(b.date));
  const buzzAt = buzzTimeline(input.categories, events);
  const actions: CrowdAction[] = [];

  for (let fan = 0; fan < input.size; fan += 1) {
    // Skewed early: most fans arrive as the season opens, a steady trickle later.
    const joinedAt = CROWD_START + Math.floor((CROWD_END - CROWD_START) * random() ** 1.6);
    const current = new Map<number, number>();
    // A fan's own changes must stay in the order simulated, even when two events' reaction windows overlap.
    let lastChangeAt = joinedAt;
    for (const category of input.categories) {
      if (random() > CATEGORY_PARTICIPATION) continue;
      const contenderId = sample(random, category, buzzAt(category.slug, joinedAt));
      current.set(category.id, contenderId);
      actions.push({ fan, categoryId: category.id, contenderId, at: joinedAt });
    }
    for (const event of events) {
      const eventStart = Date.parse(`${event.date}T20:00:00Z`);
      if (eventStart <= joinedAt || eventStart >= CROWD_END) continue;
      for (const category of input.categories) {
        const pick = current.get(category.id);
        if (pick === undefined) continue;
        if (!(random() < reactionRate(event, category, pick))) continue;
        const at = Math.min(Math.max(eventStart + Math.floor(random() * REACTION_SPREAD_MS), lastChangeAt), CROWD_END);
        const winners = event.kind === "precursor" ? winnerIds(event, category) : [];
        const contenderId =
          winners.length > 0 && random() < FOLLOW_THE_WINNER
            ? (winners[Math.floor(random() * winners.length)] ?? pick)
            : sample(random, category, buzzAt(category.slug, at));
        if (contenderId === pick) continue;
        current.set(category.id, contenderId);
        lastChangeAt = at;
        actions.push({ fan, categoryId: category.id, contenderId, at });
      }
    }
  }
  // Writes in time order keep every snapshot update at the end of the log (nothing later to shift).
  return actions.sort((a, b) => a.at - b.at || a.fan - b.fan || a.categoryId - b.categoryId);
}

function winnerIds(event: CrowdEvent & { kind: "precursor" }, category: CrowdCategory): number[] {
  const slugs = event.winners.filter((winner) => winner.category === category.slug).map((winner) => winner.contender);
  return category.contenders.filter((contender) => slugs.includes(contender.slug)).map((contender) => contender.id);
}

/** A fan whose pick just won stays put; others may be swayed. Snubbed picks are almost always dropped. */
function reactionRate(event: CrowdEvent, category: CrowdCategory, pickId: number): number {
  if (event.kind === "precursor") {
    const winners = winnerIds(event, category);
    return winners.length > 0 && !winners.includes(pickId) ? REACTION_RATE : 0;
  }
  const nominees = event.nominees.find((entry) => entry.category === category.slug)?.contenders ?? [];
  const pickSlug = category.contenders.find((contender) => contender.id === pickId)?.slug ?? "";
  return nominees.includes(pickSlug) ? 0 : SNUB_REACTION_RATE;
}

function sample(random: Random, category: CrowdCategory, buzz: readonly number[]): number {
  const index = pickWeighted(random, buzz);
  const contender = category.contenders[index] ?? category.contenders[0];
  if (!contender) throw new Error(`category ${category.slug} has no contenders`);
  return contender.id;
}

/**
 * Buzz per contender at any instant: a prior from the category's listed order (the seed lists late-November
 * frontrunners first), multiplied by every precursor win and nomination snub announced before that instant.
 */
function buzzTimeline(categories: readonly CrowdCategory[], events: readonly CrowdEvent[]) {
  const prior = new Map(
    categories.map((category) => [category.slug, category.contenders.map((_, position) => 0.8 ** position)]),
  );
  const changes = events.map((event) => ({ at: Date.parse(`${event.date}T20:00:00Z`), event }));
  return (categorySlug: string, at: number): number[] => {
    const category = categories.find((candidate) => candidate.slug === categorySlug);
    const buzz = [...(prior.get(categorySlug) ?? [])];
    if (!category) return buzz;
    for (const change of changes) {
      if (change.at > at) break;
      category.contenders.forEach((contender, index) => {
        buzz[index] = (buzz[index] ?? 0) * factor(change.event, categorySlug, contender.slug);
      });
    }
    return buzz;
  };
}

function factor(event: CrowdEvent, categorySlug: string, contenderSlug: string): number {
  if (event.kind === "precursor") {
    const wins = event.winners.filter(
      (winner) => winner.category === categorySlug && winner.contender === contenderSlug,
    ).length;
    return PRECURSOR_BOOST ** wins;
  }
  const nominees = event.nominees.find((entry) => entry.category === categorySlug);
  return !nominees || nominees.contenders.includes(contenderSlug) ? 1 : SNUB_FACTOR;
}
