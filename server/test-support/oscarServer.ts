/** A test file's API server on the launch season, on a clock the file moves, with the ceremony's ids at hand. */
import { afterAll, beforeAll } from "vitest";
import type { fixedClock } from "../clock.js";
import { type OscarIds, oscarIds } from "./factories.js";
import { startTestServer, type TestServer } from "./testServer.js";

export type OscarWorld = { server: TestServer; ids: OscarIds };

/**
 * Starts the server before the file's tests and closes it after them. `world.server` and `world.ids` exist once the
 * file's first `beforeAll` has run, so read them inside tests and hooks, not at the top level.
 */
export function oscarServerForFile(clock: ReturnType<typeof fixedClock>): OscarWorld {
  const world = {} as OscarWorld;
  beforeAll(async () => {
    world.server = await startTestServer({ clock });
    world.ids = oscarIds(world.server.services);
  });
  afterAll(() => world.server.close());
  return world;
}
