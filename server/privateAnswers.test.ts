/**
 * Who may keep a copy of each API answer. The table below names every API route (a route the app has and the table
 * lacks fails the first test) and says whose its answers are:
 *
 * - `mine`: built for the signed-in fan (their picks, pools, links, the operator's audit log, the sign-in itself):
 *   `Cache-Control: private, no-store`, so no shared cache keeps it and no browser stores it.
 * - `varies`: one URL with a public and a signed-in answer (who am I, a leaderboard with the caller's row):
 *   `Vary: Cookie` on both, and the signed-in one is `private, no-store`.
 * - `same`: the same for everyone; checked by asking signed out and signed in as a fan with picks, a pool, a share
 *   link, a tiebreaker answer, a place on the leaderboard and operator rights, so a route that starts reading the
 *   session without being moved to `mine` or `varies` fails here.
 */
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { poolCreatedSchema } from "../shared/schemas/pools.js";
import { shareLinkSchema } from "../shared/schemas/share.js";
import { fixedClock } from "./clock.js";
import { type ApiClient, apiClient } from "./test-support/apiClient.js";
import { apiRoutesOf } from "./test-support/apiRoutes.js";
import { oscarIds, signUp, uniqueUsername } from "./test-support/factories.js";
import { startTestServer, type TestServer } from "./test-support/testServer.js";

type Whose = "mine" | "varies" | "same";
type Row = {
  whose: Whose;
  query?: string;
  /** Sign-up and sign-in are answered only for a well-formed body; every other route reads the session first. */
  body?: () => unknown;
  /** Server-sent events: only the head of the answer is read. */
  stream?: true;
  /** The same route asked other ways, each checked as its own row (the season and all-time leaderboards). */
  alsoQueries?: string[];
  /** Which of the fan's things a parameter names, where it is not the usual one (`:id` is their pool). */
  use?: Record<string, "category" | "share" | "season">;
};

const table: Record<string, Row> = {
  "GET /api/health": { whose: "same" },
  "GET /api/events": { whose: "same" },
  "GET /api/events/:slug": { whose: "same" },
  "GET /api/events/:slug/night": { whose: "same" },
  "GET /api/films": { whose: "same" },
  "GET /api/seasons": { whose: "same" },
  "GET /api/seasons/:slug": { whose: "same", use: { slug: "season" } },
  "GET /api/results": { whose: "same" },
  "GET /api/categories/:id/odds": { whose: "same", use: { id: "category" } },
  "GET /api/categories/:id/history": { whose: "same", use: { id: "category" }, query: "from=2016-12-01T00:00:00Z" },
  "GET /api/odds/stream": { whose: "same", stream: true },
  "GET /api/users/:username": { whose: "varies" },
  "GET /api/ballots/:slug": { whose: "same", use: { slug: "share" } },
  "GET /api/me": { whose: "varies" },
  "GET /api/leaderboard": {
    whose: "varies",
    query: "event=oscars-2017",
    alsoQueries: ["season=2016-17", "scope=season", "scope=all-time"],
  },
  "GET /api/me/picks": { whose: "mine" },
  "GET /api/me/pools": { whose: "mine" },
  "GET /api/me/shares": { whose: "mine" },
  "GET /api/me/export": { whose: "mine" },
  "GET /api/me/tiebreaker/:eventSlug": { whose: "mine" },
  "GET /api/pools/invites/:code": { whose: "mine" },
  "GET /api/pools/:id": { whose: "mine" },
  "GET /api/pools/:id/picks": { whose: "mine", query: "event=oscars-2017" },
  "GET /api/pools/:id/leaderboard": { whose: "mine", query: "event=oscars-2017" },
  "GET /api/admin/audit": { whose: "mine" },
  "POST /api/auth/signup": { whose: "mine", body: () => ({ username: uniqueUsername(), password: "long enough" }) },
  "POST /api/auth/login": { whose: "mine", body: () => ({ username: fan.username, password: fan.password }) },
  "POST /api/auth/logout": { whose: "mine" },
  "POST /api/me/password": { whose: "mine" },
  "DELETE /api/me/sessions": { whose: "mine" },
  "POST /api/me/delete": { whose: "mine" },
  "PUT /api/picks/:categoryId": { whose: "mine" },
  "DELETE /api/picks/:categoryId": { whose: "mine" },
  "POST /api/pools": { whose: "mine" },
  "POST /api/pools/join": { whose: "mine" },
  "POST /api/pools/:id/invite": { whose: "mine" },
  "PUT /api/pools/:id/profile": { whose: "mine" },
  "DELETE /api/pools/:id/members/:userId": { whose: "mine" },
  "DELETE /api/pools/:id/removals/:userId": { whose: "mine" },
  "PUT /api/me/tiebreaker/:eventSlug": { whose: "mine" },
  "DELETE /api/me/tiebreaker/:eventSlug": { whose: "mine" },
  "POST /api/me/share": { whose: "mine" },
  "DELETE /api/me/share/:slug": { whose: "mine" },
  "PUT /api/admin/categories/:id": { whose: "mine" },
  "POST /api/admin/categories/:id/winner": { whose: "mine" },
  "POST /api/admin/categories/:id/contenders": { whose: "mine" },
  "PUT /api/admin/contenders/:id": { whose: "mine" },
  "DELETE /api/admin/contenders/:id": { whose: "mine" },
  "POST /api/admin/events/:slug/lock": { whose: "mine" },
  "POST /api/admin/events/:slug/nominations": { whose: "mine" },
  "POST /api/admin/events/:slug/results": { whose: "mine" },
  "PUT /api/admin/events/:slug/tiebreaker": { whose: "mine" },
  "POST /api/admin/import": { whose: "mine" },
  "POST /api/admin/replay-2017": { whose: "mine" },
};

const routes = Object.entries(table).flatMap(([route, row]) => {
  const [method = "", path = ""] = route.split(" ");
  const asked = { route, method, path, ...row };
  return [asked, ...(row.alsoQueries ?? []).map((query) => ({ ...asked, route: `${route}?${query}`, query }))];
});

let server: TestServer;
let fan: Awaited<ReturnType<typeof signUp>>;
let params: Record<string, string>;

beforeAll(async () => {
  // Each change route signs up a fan of its own: more than the hourly sign-up limit from one address allows.
  server = await startTestServer({
    clock: fixedClock("2017-02-01T12:00:00.000Z"),
    env: { RATE_LIMIT_SIGNUPS_PER_IP_PER_HOUR: "1000" },
  });
  const ids = oscarIds(server.services);
  const picture = ids.category("best-picture");
  fan = await signUp(server);
  server.services.auth.setAdmin(fan.username, true);
  const { client } = fan;
  await client.put(`/api/picks/${picture}`, { contenderId: ids.contender("best-picture", "moonlight") });
  await client.put("/api/me/tiebreaker/oscars-2017", { answer: 6 });
  const pool = poolCreatedSchema.parse(await (await client.post("/api/pools", { name: "Watch party" })).json());
  const share = shareLinkSchema.parse(await (await client.post("/api/me/share", { event: "oscars-2017" })).json());
  await client.post(`/api/admin/categories/${picture}/winner`, {
    contenderId: ids.contender("best-picture", "moonlight"),
  });
  params = {
    id: String(pool.id),
    category: String(picture),
    share: share.slug,
    season: "2016-17",
    categoryId: String(picture),
    userId: String(fan.user.id),
    code: pool.inviteCode,
    slug: "oscars-2017",
    eventSlug: "oscars-2017",
    username: fan.username,
  };
});
afterAll(() => server.close());

const pathOf = (route: (typeof routes)[number]) => {
  const filled = route.path.replace(/:(\w+)/g, (_match, name: string) => params[route.use?.[name] ?? name] ?? "");
  return route.query ? `${filled}?${route.query}` : filled;
};

type Answer = { status: number; headers: IncomingHttpHeaders; body: string };

/** A request that reads only the head of a stream, which never ends. */
function ask(client: ApiClient, method: string, path: string, body?: unknown, stream = false): Promise<Answer> {
  if (!stream) {
    return client.request(method, path, body).then(async (response) => ({
      status: response.status,
      headers: Object.fromEntries(response.headers),
      body: await response.text(),
    }));
  }
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    const headers = client.cookie ? { Cookie: client.cookie } : {};
    const req = httpRequest({ host: url.hostname, port: url.port, method, path, headers }, (res) => {
      resolve({ status: res.statusCode ?? 0, headers: res.headers, body: "" });
      res.destroy();
    });
    req.on("error", reject);
    req.end();
  });
}

const varyNames = (answer: Answer) =>
  String(answer.headers.vary ?? "")
    .split(",")
    .map((name) => name.trim().toLowerCase());

it("the table covers every API route the app has", () => {
  expect(new Set(apiRoutesOf(server.app))).toEqual(new Set(Object.keys(table)));
});

describe.each(routes.filter((route) => route.method === "GET"))("$route", (route) => {
  it(route.whose === "same" ? "answers everyone alike" : "answers a signed-in fan privately", async () => {
    const path = pathOf(route);
    const signedIn = await ask(fan.client, "GET", path, undefined, route.stream);
    const signedOut = await ask(apiClient(server), "GET", path, undefined, route.stream);
    expect(signedIn.status, signedIn.body).toBe(200);
    if (route.whose === "same") {
      expect(signedOut.status).toBe(signedIn.status);
      expect(signedOut.body).toBe(signedIn.body);
      return;
    }
    expect(signedIn.headers["cache-control"]).toBe("private, no-store");
    if (route.whose === "varies") {
      expect(signedOut.status).toBe(200);
      expect(signedOut.body).not.toBe(signedIn.body);
      expect(varyNames(signedIn)).toContain("cookie");
      expect(varyNames(signedOut)).toContain("cookie");
    }
  });
});

describe.each(routes.filter((route) => route.method !== "GET"))("$route", (route) => {
  it("answers a signed-in fan privately, whatever the answer", async () => {
    // A fan of their own, without operator rights: every change is refused or harmless, and signing out ends only
    // this session.
    const { client } = await signUp(server);
    const answer = await ask(client, route.method, pathOf(route), route.body?.());
    expect(answer.status, answer.body).toBeLessThan(500);
    expect(answer.headers["cache-control"]).toBe("private, no-store");
  });
});
