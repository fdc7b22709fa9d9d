/**
 * The second season as the repo ships it (2017–18 and its replay), and a test file's server with an operator signed
 * in, for tests that import it beside the launch season.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import type { SeasonFile } from "../../shared/schemas/season.js";
import type { Clock } from "../clock.js";
import { seedDir } from "../paths.js";
import { readReplayFile } from "../seed/replayFile.js";
import type { ApiClient } from "./apiClient.js";
import { signUp } from "./factories.js";
import { startTestServer, type TestServer } from "./testServer.js";

export const secondSeasonFile = path.join(seedDir, "season-2017-18.json");
export const replay2018File = path.join(seedDir, "replay-2018.json");
export const readSecondSeason = (): SeasonFile => JSON.parse(readFileSync(secondSeasonFile, "utf8"));
export const readReplay2018 = () => readReplayFile(replay2018File);

export type OperatorWorld = { server: TestServer; admin: ApiClient };

/**
 * Starts the server and signs an operator in before the file's tests, and closes it after them. `world.server` and
 * `world.admin` exist once the file's first `beforeAll` has run, so read them inside tests and hooks.
 */
export function operatorServerForFile(clock: Clock): OperatorWorld {
  const world = {} as OperatorWorld;
  beforeAll(async () => {
    world.server = await startTestServer({ clock });
    world.admin = (await signUp(world.server, { admin: true })).client;
  });
  afterAll(() => world.server.close());
  return world;
}
