/**
 * Writes a season's simulated crowd (server/seed/demoCrowdModel.ts) on its closing ceremony's ballot through the
 * same picks service as real fans, with historical timestamps, in one transaction. Idempotent per ceremony: one that
 * demo fans have already picked in is left alone.
 */
import { normalizedMarket } from "../../shared/domain/bettingOdds.js";
import type { MarketFile } from "../../shared/schemas/market.js";
import type { ReplayFile } from "../../shared/schemas/season.js";
import type { Db } from "../db/connection.js";
import type { UserRepository } from "../repositories/userRepository.js";
import { type CrowdEvent, type CrowdOpening, simulateCrowd } from "../seed/demoCrowdModel.js";
import type { PicksService } from "./picksService.js";
import type { SeasonService } from "./seasonService.js";

export type DemoCrowdSummary = { fans: number; picks: number };
/** The season's ceremony, what happened (its replay) and how it was priced (its market, where one was sourced). */
export type CrowdOptions = { ceremonySlug: string; replay: ReplayFile; market: MarketFile | undefined; size: number };

/** Demo names have a space, which sign-up never allows, so they can't collide with (or be taken by) real fans. */
const demoUsername = (fan: number) => `demo fan ${String(fan + 1).padStart(4, "0")}`;

export function createDemoCrowdService({
  db,
  users,
  season,
  picks,
}: {
  db: Db;
  users: UserRepository;
  season: SeasonService;
  picks: PicksService;
}) {
  /** The crowd's picks, in time order, for the season as stored now: what `generate` writes. */
  function plan(options: CrowdOptions) {
    const ceremony = season.getEvent(options.ceremonySlug);
    const eventDates = new Map(season.listEvents().map((event) => [event.slug, event.date]));
    const events: CrowdEvent[] = [];
    for (const precursor of options.replay.precursorResults) {
      const date = eventDates.get(precursor.event);
      if (date) events.push({ kind: "precursor", event: precursor.event, date, winners: precursor.results });
    }
    const nominationsDate = eventDates.get(options.replay.nominations.event);
    if (nominationsDate) {
      events.push({
        kind: "nominations",
        date: nominationsDate,
        nominees: options.replay.nominations.categories.map((entry) => ({
          category: entry.category,
          contenders: entry.nominees,
        })),
      });
    }
    // The market's prices with its margin removed; films it priced that our season doesn't list drop out. Only
    // complete tables open a category: a cut-off one would overrate whoever it lists.
    const openings: CrowdOpening[] = (options.market?.opening ?? [])
      .filter((quote) => quote.fullField)
      .map((quote) => {
        const probabilities = normalizedMarket(quote.prices.map((entry) => entry.price));
        const weights: Record<string, number> = {};
        quote.prices.forEach((entry, index) => {
          if (entry.contender) weights[entry.contender] = probabilities[index] ?? 0;
        });
        return { category: quote.category, asOf: quote.observedOn, weights };
      });
    return simulateCrowd({
      size: options.size,
      ceremonyDate: ceremony.date,
      categories: ceremony.categories,
      events,
      openings,
    });
  }

  const generate = db.transaction((options: CrowdOptions) => {
    const ceremony = season.getEvent(options.ceremonySlug);
    if (ceremony.categories.some((category) => users.countDemoPickers(category.id) > 0)) return undefined;
    const actions = plan(options);
    const userIds = new Map<number, number>();
    for (const action of actions) {
      let userId = userIds.get(action.fan);
      if (userId === undefined) {
        // The same demo fans play every season (each keeps the day they first joined), as regulars do: the
        // all-time board counts their seasons.
        const name = demoUsername(action.fan);
        userId = users.findByUsername(name)?.id ?? users.insertDemo(name, action.at);
        userIds.set(action.fan, userId);
      }
      picks.setPick(userId, action.categoryId, action.contenderId, action.at);
    }
    return { fans: userIds.size, picks: actions.length };
  });
  return {
    plan,
    /** Whether the ceremony is in the database: a season's crowd can be seeded only once it is imported. */
    isStored: (ceremonySlug: string) => season.seasonOfEvent(ceremonySlug) !== undefined,
    generate: (options: CrowdOptions): DemoCrowdSummary | undefined => generate(options),
  };
}

export type DemoCrowdService = ReturnType<typeof createDemoCrowdService>;
