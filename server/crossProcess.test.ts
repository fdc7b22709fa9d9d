/**
 * Two real server processes on one database file, as `WORKERS=2` or a server next to the operator's CLI runs them:
 * what one process or the CLI commits, the other serves (caches and remembered sessions stay correct), and the
 * rate limits count one allowance between them. No test here measures time.
 */
import { spawnSync } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { meResponseSchema } from "../shared/schemas/auth.js";
import { categoryOddsSchema, oddsHistorySchema } from "../shared/schemas/odds.js";
import { apiClient, fetcherFor } from "./test-support/apiClient.js";
import { signUp, uniqueUsername } from "./test-support/factories.js";
import { cleanUpServerProcesses, startServerProcess, tempDbPath } from "./test-support/serverProcess.js";

afterEach(cleanUpServerProcesses);

/** Process A creates and seeds the database; B starts on the same file once A is listening. */
async function twoServers(env: NodeJS.ProcessEnv = {}) {
  const dbPath = tempDbPath();
  const a = await startServerProcess({ DB_PATH: dbPath, ...env }).listening;
  const b = await startServerProcess({ DB_PATH: dbPath, ...env }).listening;
  return { dbPath, a: fetcherFor(a), b: fetcherFor(b) };
}

async function bestPicture(url: ReturnType<typeof fetcherFor>) {
  const event = (await (await url.fetch("/api/events/oscars-2017")).json()) as {
    categories: { id: number; slug: string; contenders: { id: number }[] }[];
  };
  const category = event.categories.find((each) => each.slug === "best-picture");
  const contender = category?.contenders[0];
  if (!category || !contender) throw new Error("Best Picture is not seeded");
  return { categoryId: category.id, contenderId: contender.id };
}

const meOn = async (server: ReturnType<typeof fetcherFor>, cookie: string | undefined) => {
  const client = apiClient(server);
  client.cookie = cookie;
  return meResponseSchema.parse(await (await client.get("/api/me")).json()).user;
};

describe("two server processes on one database", () => {
  it("a pick through A shows in B's odds and history, which B had cached before it", async () => {
    const { a, b } = await twoServers();
    const { categoryId, contenderId } = await bestPicture(a);
    const odds = async () => {
      const body = categoryOddsSchema.parse(await (await b.fetch(`/api/categories/${categoryId}/odds`)).json());
      return body.contenders.find((contender) => contender.contenderId === contenderId)?.picks;
    };
    const history = async () =>
      oddsHistorySchema.parse(await (await b.fetch(`/api/categories/${categoryId}/history`)).json()).series;
    expect(await odds()).toBe(0);
    const historyBefore = await history();

    const { client } = await signUp(a);
    expect((await client.put(`/api/picks/${categoryId}`, { contenderId })).status).toBe(200);

    // B sees another process's commit at its next data_version check (at most 50 ms on).
    await expect.poll(odds).toBe(1);
    await expect.poll(history).not.toEqual(historyBefore);
  });

  it("signing out through A is refused by B at once, though B remembered the session", async () => {
    const { a, b } = await twoServers();
    const { client, user } = await signUp(a);
    expect((await meOn(b, client.cookie))?.id).toBe(user.id);
    const cookie = client.cookie;
    expect((await client.post("/api/auth/logout")).status).toBe(204);
    expect(await meOn(b, cookie)).toBeNull();
  });

  it("an operator's CLI write reaches both processes' remembered sessions", async () => {
    const { dbPath, a, b } = await twoServers();
    const { client, user } = await signUp(a);
    expect((await meOn(a, client.cookie))?.isAdmin).toBe(false);
    expect((await meOn(b, client.cookie))?.isAdmin).toBe(false);
    const granted = spawnSync(process.execPath, ["--import", "tsx", "server/cli/admin.ts", "grant", user.username], {
      env: { ...process.env, DB_PATH: dbPath },
      encoding: "utf8",
    });
    expect(granted.stdout).toContain("now an admin");
    expect((await meOn(a, client.cookie))?.isAdmin).toBe(true);
    expect((await meOn(b, client.cookie))?.isAdmin).toBe(true);
  });

  it("failed sign-ins split between A and B are refused at the same count as through one process", async () => {
    const { a, b } = await twoServers({ RATE_LIMIT_FAILED_LOGINS_PER_USERNAME_PER_IP: "4" });
    const username = uniqueUsername();
    await signUp(a, { username });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      const server = attempt % 2 === 0 ? a : b;
      const response = await apiClient(server).post("/api/auth/login", { username, password: "wrong password!" });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
  });

  it("a fan's changes split between A and B count against one allowance", async () => {
    const { a, b } = await twoServers({ RATE_LIMIT_WRITES_PER_USER_PER_MINUTE: "4" });
    const { categoryId } = await bestPicture(a);
    const { client } = await signUp(a);
    const onB = apiClient(b);
    onB.cookie = client.cookie;
    const event = (await (await a.fetch("/api/events/oscars-2017")).json()) as {
      categories: { id: number; contenders: { id: number }[] }[];
    };
    const contenders = event.categories.find((category) => category.id === categoryId)?.contenders ?? [];
    const statuses: number[] = [];
    for (let change = 0; change < 6; change++) {
      const contenderId = contenders[change % 2]?.id;
      const response = await (change % 2 === 0 ? client : onB).put(`/api/picks/${categoryId}`, { contenderId });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
  });
});
