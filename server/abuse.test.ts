/**
 * Hostile input against every API endpoint: each must answer 4xx in the one error shape, and the server must stay
 * up. The table below lists every endpoint; a test fails when the app has a route the table lacks.
 *
 * Policy: bodies are JSON only (415 otherwise), at most 32 KB (1 MB for the season import), refused with 413 from
 * Content-Length before they are read. Endpoints that take a query reject unknown parameters with 400 (a misspelt
 * filter must not silently answer the unfiltered question); endpoints without one ignore the query string, as they
 * ignore a body they don't take.
 */
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiErrorSchema } from "../shared/schemas/errors.js";
import { apiRoutesOf } from "./test-support/apiRoutes.js";
import { signUp } from "./test-support/factories.js";
import { startTestServer, type TestServer } from "./test-support/testServer.js";

type Method = "GET" | "POST" | "PUT" | "DELETE";
type Endpoint = {
  method: Method;
  /** Express path; `:name` parameters are filled from `sampleParams`. */
  path: string;
  /** A well-formed body, for endpoints that take one: the abuse cases are variations of it. */
  body?: unknown;
  /** A well-formed query, for endpoints that take one. */
  query?: string;
  /** Server-sent events: the response never ends, so only its start is read. */
  stream?: true;
  /** Well-formed values for this endpoint's parameters where the shared samples don't fit (share slugs). */
  params?: Record<string, string>;
};

const endpoints: Endpoint[] = [
  { method: "GET", path: "/api/health" },
  { method: "GET", path: "/api/events", query: "season=2016-17" },
  { method: "GET", path: "/api/events/:slug" },
  { method: "GET", path: "/api/events/:slug/night" },
  { method: "GET", path: "/api/films", query: "season=2016-17" },
  { method: "GET", path: "/api/seasons" },
  { method: "GET", path: "/api/seasons/:slug", params: { slug: "2016-17" } },
  { method: "GET", path: "/api/results", query: "season=2016-17" },
  { method: "POST", path: "/api/auth/signup", body: { username: "abuse_fan", password: "long enough password" } },
  { method: "POST", path: "/api/auth/login", body: { username: "abuse_fan", password: "long enough password" } },
  { method: "POST", path: "/api/auth/logout" },
  { method: "GET", path: "/api/me" },
  {
    method: "POST",
    path: "/api/me/password",
    body: { currentPassword: "not it at all", newPassword: "a new long one" },
  },
  { method: "DELETE", path: "/api/me/sessions" },
  // A well-formed request that names someone else: never deletes the suite's admin.
  { method: "POST", path: "/api/me/delete", body: { confirmUsername: "someone_else" } },
  { method: "GET", path: "/api/me/export" },
  { method: "GET", path: "/api/me/picks" },
  { method: "PUT", path: "/api/picks/:categoryId", body: { contenderId: 1 } },
  { method: "DELETE", path: "/api/picks/:categoryId" },
  { method: "GET", path: "/api/me/pools" },
  { method: "POST", path: "/api/pools", body: { name: "Watch party" } },
  { method: "GET", path: "/api/pools/invites/:code" },
  { method: "POST", path: "/api/pools/join", body: { inviteCode: "AAAAAAAAAAAAAA" } },
  { method: "GET", path: "/api/pools/:id" },
  { method: "GET", path: "/api/pools/:id/picks", query: "event=oscars-2017" },
  { method: "POST", path: "/api/pools/:id/invite" },
  { method: "PUT", path: "/api/pools/:id/profile", body: { showOnProfile: true } },
  { method: "DELETE", path: "/api/pools/:id/members/:userId" },
  { method: "DELETE", path: "/api/pools/:id/removals/:userId" },
  { method: "PUT", path: "/api/admin/categories/:id", body: { name: "Best Picture" } },
  { method: "POST", path: "/api/admin/categories/:id/winner", body: { contenderId: 1 } },
  { method: "POST", path: "/api/admin/categories/:id/contenders", body: { filmId: 1, person: null } },
  { method: "PUT", path: "/api/admin/contenders/:id", body: { name: "La La Land" } },
  { method: "DELETE", path: "/api/admin/contenders/:id" },
  { method: "POST", path: "/api/admin/events/:slug/lock" },
  { method: "POST", path: "/api/admin/events/:slug/nominations", body: [{ categoryId: 1, nomineeIds: [1] }] },
  { method: "POST", path: "/api/admin/events/:slug/results", body: [{ award: "Best", categoryId: 1, contenderId: 1 }] },
  { method: "POST", path: "/api/admin/import", body: { season: { slug: "s", name: "S" } } },
  { method: "POST", path: "/api/admin/replay-2017" },
  { method: "GET", path: "/api/admin/audit" },
  { method: "GET", path: "/api/categories/:id/odds" },
  { method: "GET", path: "/api/categories/:id/history", query: "from=2016-12-01T00:00:00Z" },
  { method: "GET", path: "/api/odds/stream", stream: true },
  { method: "GET", path: "/api/leaderboard", query: "event=oscars-2017" },
  { method: "GET", path: "/api/leaderboard", query: "season=2016-17" },
  { method: "GET", path: "/api/leaderboard", query: "scope=all-time" },
  { method: "GET", path: "/api/pools/:id/leaderboard", query: "event=oscars-2017" },
  { method: "GET", path: "/api/me/tiebreaker/:eventSlug" },
  { method: "PUT", path: "/api/me/tiebreaker/:eventSlug", body: { answer: 3 } },
  { method: "DELETE", path: "/api/me/tiebreaker/:eventSlug" },
  { method: "PUT", path: "/api/admin/events/:slug/tiebreaker", body: { actual: 6 } },
  { method: "GET", path: "/api/users/:username" },
  { method: "POST", path: "/api/me/share", body: { event: "oscars-2017" } },
  { method: "GET", path: "/api/me/shares" },
  { method: "DELETE", path: "/api/me/share/:slug", params: { slug: "AAAAAAAAAAAAAAAA" } },
  { method: "GET", path: "/api/ballots/:slug", params: { slug: "AAAAAAAAAAAAAAAA" } },
];

const sampleParams: Record<string, string> = {
  slug: "oscars-2017",
  id: "1",
  categoryId: "1",
  userId: "1",
  code: "AAAAAAAAAAAAAA",
  eventSlug: "oscars-2017",
  username: "abuse_fan",
};
const fill = (path: string, params: Record<string, string> = {}) =>
  path.replace(/:(\w+)/g, (_match, name: string) => params[name] ?? sampleParams[name] ?? "1");
const label = (endpoint: Endpoint) => `${endpoint.method} ${endpoint.path}`;

let server: TestServer;
let adminCookie = "";

beforeAll(async () => {
  // Limits stay out of the way: this suite is about what validation answers, not how often it may be asked.
  server = await startTestServer({
    env: { RATE_LIMIT_SIGNUPS_PER_IP_PER_HOUR: "10000", RATE_LIMIT_FAILED_LOGINS_PER_USERNAME_PER_IP: "10000" },
  });
  // Signed in as an admin, so every request gets past authorization to the parsing being tested.
  const admin = await signUp(server, { admin: true });
  adminCookie = admin.client.cookie ?? "";
});
afterAll(() => server.close());

type Sent = { status: number; headers: IncomingHttpHeaders; body: string };

/**
 * A raw HTTP request: fetch() would normalise `..` out of paths and refuses GET bodies. `declaredLength` sends a
 * Content-Length larger than the body, which is then never finished: the answer must come without it.
 */
function send(
  method: Method,
  path: string,
  options: { body?: string; contentType?: string; declaredLength?: number; stream?: boolean } = {},
): Promise<Sent> {
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { "X-Requested-With": "XMLHttpRequest", Cookie: adminCookie };
    if (options.body !== undefined) {
      headers["Content-Type"] = options.contentType ?? "application/json";
      headers["Content-Length"] = options.declaredLength ?? Buffer.byteLength(options.body);
    }
    const req = httpRequest({ host: url.hostname, port: url.port, method, path, headers }, (res) => {
      if (options.stream) {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: "" });
        res.destroy();
        return;
      }
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        body += chunk;
      });
      res.on("end", () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
        req.destroy();
      });
    });
    req.on("error", reject);
    if (options.body !== undefined) req.write(options.body);
    if (options.declaredLength === undefined) req.end();
  });
}

function expectClientError(sent: Sent, status?: number) {
  if (status === undefined) {
    expect(sent.status).toBeGreaterThanOrEqual(400);
    expect(sent.status).toBeLessThan(500);
  } else {
    expect(sent.status).toBe(status);
  }
  const parsed = apiErrorSchema.safeParse(JSON.parse(sent.body));
  expect(parsed.success, sent.body).toBe(true);
}

const deeplyNested = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;

/** Variations of a well-formed body that must all be refused: wrong shapes, wrong types, missing fields, huge numbers. */
function bodyAbuses(sample: unknown): [string, string][] {
  const cases: [string, string][] = [
    ["a deeply nested array", deeplyNested(5_000)],
    ["a bare string", JSON.stringify("text")],
    ["null", "null"],
  ];
  if (Array.isArray(sample)) return [...cases, ["an object for an array", "{}"], ["wrong items", "[1]"]];
  const fields = Object.entries(sample as Record<string, unknown>);
  cases.push(["no fields at all", "{}"]);
  for (const [field, value] of fields) {
    const without = fields.filter(([name]) => name !== field).map(([name, v]) => `"${name}":${JSON.stringify(v)}`);
    const withField = (raw: string) => `{${[...without, `"${field}":${raw}`].join(",")}}`;
    cases.push(
      [`${field} missing`, `{${without.join(",")}}`],
      [`${field} of the wrong type`, withField(typeof value === "string" ? "12345" : '"12345"')],
      [`${field} as an object`, withField('{"$gt":""}')],
      [`${field} deeply nested`, withField(deeplyNested(2_000))],
      [`${field} 1e999`, withField("1e999")],
      [`${field} a 30-digit number`, withField("123456789012345678901234567890")],
      [`${field} negative`, withField("-1")],
      [`${field} fractional`, withField("1.5")],
    );
  }
  return cases;
}

const traversals = [
  "..",
  "%2e%2e",
  "..%2F..%2Fhealth",
  "%2e%2e%2f%2e%2e%2fadmin%2faudit",
  "a%2Fb",
  "..%5C..%5Cwin",
  "%zz",
];

describe("the abuse table", () => {
  it("covers every API route the app has", () => {
    const apiRoutes = apiRoutesOf(server.app);
    expect(apiRoutes.length).toBeGreaterThan(30);
    expect(new Set(apiRoutes)).toEqual(new Set(endpoints.map(label)));
  });
});

describe.each(endpoints)("$method $path", (endpoint) => {
  const path = fill(endpoint.path, endpoint.params) + (endpoint.query ? `?${endpoint.query}` : "");

  it("refuses malformed JSON with 400 invalid_json", async () => {
    const sent = await send(endpoint.method, path, { body: '{"contenderId": 1,' });
    expectClientError(sent, 400);
    expect(JSON.parse(sent.body).error.code).toBe("invalid_json");
  });

  it("refuses a body larger than the limit with 413 before reading it", async () => {
    const sent = await send(endpoint.method, path, {
      body: `{"padding":"${"x".repeat(1000)}`,
      declaredLength: 50_000_000,
    });
    expectClientError(sent, 413);
  });

  if (endpoint.method !== "GET") {
    it.each([
      ["text/plain", "hello"],
      ["application/x-www-form-urlencoded", "contenderId=1"],
      ["multipart/form-data; boundary=x", "--x--"],
      ["application/json; charset=latin1", "{}"],
    ])("refuses a %s body with 415", async (contentType, body) => {
      expectClientError(await send(endpoint.method, path, { body, contentType }), 415);
    });
  }

  if (endpoint.body !== undefined) {
    it.each(bodyAbuses(endpoint.body))("refuses %s with 4xx", async (_case, body) => {
      expectClientError(await send(endpoint.method, path, { body }));
    });
  }

  const params = [...endpoint.path.matchAll(/:(\w+)/g)].map((match) => match[1] ?? "");
  for (const param of params) {
    it.each(traversals)(`refuses ${param} = %s with 4xx`, async (value) => {
      const traversed = fill(endpoint.path, { ...endpoint.params, [param]: value });
      expectClientError(
        await send(
          endpoint.method,
          traversed,
          endpoint.body === undefined ? {} : { body: JSON.stringify(endpoint.body) },
        ),
      );
    });
  }

  if (endpoint.query !== undefined) {
    it("refuses an unknown query parameter with 400", async () => {
      const sent = await send(endpoint.method, `${path}&sort=desc`);
      expectClientError(sent, 400);
      expect(JSON.parse(sent.body).error.details).toEqual(
        expect.arrayContaining([expect.objectContaining({ path: "query" })]),
      );
    });
  } else if (endpoint.method === "GET") {
    it("ignores a query string it does not take", async () => {
      const plain = await send("GET", path, { stream: endpoint.stream });
      const withQuery = await send("GET", `${path}?sort=desc&v=2`, { stream: endpoint.stream });
      expect(withQuery.status).toBe(plain.status);
    });
  }
});

describe("after all that", () => {
  it("the server is still up", async () => {
    const sent = await send("GET", "/api/health");
    expect(sent.status).toBe(200);
    expect(JSON.parse(sent.body)).toEqual({ ok: true });
  });
});
