/**
 * Writes the simulated crowd (server/seed/demoCrowdModel.ts) through the same picks service as real fans, with
 * historical timestamps, in one transaction. Idempotent: a database that already has demo fans is left alone.
 */
import type { ReplayFile } from "../../shared/schemas/season.js";
import type { Db } from "../db/connection.js";
import type { UserRepository } from "../repositories/userRepository.js";
import { type CrowdEvent, simulateCrowd } from "../seed/demoCrowdModel.js";
import type { PicksService } from "./picksService.js";
import type { SeasonService } from "./seasonService.js";

export type DemoCrowdSummary = { fans: number; picks: number };

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
  const generate = db.transaction(
    (options: { ceremonySlug: string; replay: ReplayFile; size: number; seed: number }) => {
      if (users.countDemo() > 0) return undefined;
      const ceremony = season.getEvent(options.ceremonySlug);
      const eventDates = new Map(season.listEvents().map((event) => [event.slug, event.date]));
      const events: CrowdEvent[] = [];
      for (const precursor of options.replay.precursorResults) {
        const date = eventDates.get(precursor.event);
        if (date) events.push({ kind: "precursor", date, winners: precursor.results });
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
      const actions = simulateCrowd({
        size: options.size,
        seed: options.seed,
        // The crowd follows the categories open from the start; one that opens later (on nominations day) would
        // refuse its November picks, as it would a fan's.
        categories: ceremony.categories.filter((category) => category.opens_on === null),
        events,
      });

      const userIds = new Map<number, number>();
      for (const action of actions) {
        let userId = userIds.get(action.fan);
        if (userId === undefined) {
          userId = users.insertDemo(demoUsername(action.fan), action.at);
          userIds.set(action.fan, userId);
        }
        picks.setPick(userId, action.categoryId, action.contenderId, action.at);
      }
      return { fans: userIds.size, picks: actions.length };
    },
  );
  return { generate: (options: Parameters<typeof generate>[0]): DemoCrowdSummary | undefined => generate(options) };
}

export type DemoCrowdService = ReturnType<typeof createDemoCrowdService>;
