import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sharedBallotSchema, shareLinkSchema, shareLinksResponseSchema } from "../../shared/schemas/share.js";
import { apiClient } from "../test-support/apiClient.js";
import { clearWinner, decideCategory, type OscarIds, operator, oscarIds, signUp } from "../test-support/factories.js";
import { readError, startTestServer, type TestServer } from "../test-support/testServer.js";

let server: TestServer;
let ids: OscarIds;

beforeAll(async () => {
  server = await startTestServer();
  ids = oscarIds(server.services);
});
afterAll(() => server.close());

async function shareOf(client: ReturnType<typeof apiClient>) {
  const response = await client.post("/api/me/share", { event: "oscars-2017" });
  expect(response.status).toBe(200);
  return shareLinkSchema.parse(await response.json());
}

/** PNG stores width and height as big-endian integers in the IHDR chunk, right after the signature. */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

describe("share links", () => {
  it("gives the same link until it is revoked, then a new one; the old one stops working", async () => {
    const { client } = await signUp(server);
    const first = await shareOf(client);
    expect(first.slug).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(first.url).toBe(`${server.url}/b/${first.slug}`);
    expect((await shareOf(client)).slug).toBe(first.slug);
    const listed = shareLinksResponseSchema.parse(await (await client.get("/api/me/shares")).json());
    expect(listed.shares).toEqual([first]);

    expect((await client.delete(`/api/me/share/${first.slug}`)).status).toBe(204);
    expect((await server.fetch(`/api/ballots/${first.slug}`)).status).toBe(404);
    expect((await server.fetch(`/b/${first.slug}`)).status).toBe(404);
    expect((await server.fetch(`/b/${first.slug}/card.png`)).status).toBe(404);
    const second = await shareOf(client);
    expect(second.slug).not.toBe(first.slug);
    expect((await client.delete(`/api/me/share/${first.slug}`)).status).toBe(404);
  });

  it("lets only the owner revoke a link", async () => {
    const owner = await signUp(server);
    const other = await signUp(server);
    const link = await shareOf(owner.client);
    expect((await other.client.delete(`/api/me/share/${link.slug}`)).status).toBe(404);
    expect((await apiClient(server).delete(`/api/me/share/${link.slug}`)).status).toBe(401);
    expect((await server.fetch(`/api/ballots/${link.slug}`)).status).toBe(200);
  });

  it("requires a session and a known event to make a link", async () => {
    expect((await apiClient(server).post("/api/me/share", { event: "oscars-2017" })).status).toBe(401);
    const { client } = await signUp(server);
    expect((await client.post("/api/me/share", { event: "oscars-1999" })).status).toBe(404);
    const invalid = await client.post("/api/me/share", { event: "../etc", userId: 1 });
    expect(invalid.status).toBe(400);
    expect((await readError(invalid)).code).toBe("invalid_request");
  });
});

describe("the shared ballot", () => {
  it("shows the owner's picks with today's consensus, to anyone, and nothing else", async () => {
    const { client, username } = await signUp(server);
    const picture = ids.category("best-picture");
    const jackie = ids.contender("best-picture", "jackie");
    await client.put(`/api/picks/${picture}`, { contenderId: jackie });
    const link = await shareOf(client);

    const response = await server.fetch(`/api/ballots/${link.slug}`);
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(response.headers.get("cache-control")).toBe("private, no-cache");
    const raw = await response.text();
    const ballot = sharedBallotSchema.parse(JSON.parse(raw));
    // Nothing is decided yet, so there is no score.
    expect(ballot).toEqual({
      username,
      event: { slug: "oscars-2017", name: "89th Academy Awards" },
      picks: [{ categoryId: picture, contenderId: jackie, probability: expect.any(Number) }],
    });
    const odds = server.services.odds.getOdds(picture);
    expect(ballot.picks[0]?.probability).toBe(
      odds.contenders.find((entry) => entry.contenderId === jackie)?.probability,
    );
    // Only that ballot: no user ids, sessions or other users' data.
    expect(raw).not.toMatch(/"(userId|user_id|id|token|session)"/);
  });

  it("always shows the ballot as it is now", async () => {
    const { client } = await signUp(server);
    const picture = ids.category("best-picture");
    const link = await shareOf(client);
    expect(sharedBallotSchema.parse(await (await server.fetch(`/api/ballots/${link.slug}`)).json()).picks).toEqual([]);
    await client.put(`/api/picks/${picture}`, { contenderId: ids.contender("best-picture", "moonlight") });
    expect(sharedBallotSchema.parse(await (await server.fetch(`/api/ballots/${link.slug}`)).json()).picks).toHaveLength(
      1,
    );
  });

  it("quotes today's consensus: another fan's pick moves the percentage at once", async () => {
    const { client } = await signUp(server);
    const supporting = ids.category("best-supporting-actress");
    const harris = ids.contender("best-supporting-actress", "naomie-harris");
    await client.put(`/api/picks/${supporting}`, { contenderId: harris });
    const link = await shareOf(client);
    const probabilityNow = async () =>
      sharedBallotSchema
        .parse(await (await server.fetch(`/api/ballots/${link.slug}`)).json())
        .picks.find((pick) => pick.categoryId === supporting)?.probability ?? 0;
    const before = await probabilityNow();
    const other = await signUp(server);
    await other.client.put(`/api/picks/${supporting}`, { contenderId: harris });
    expect(await probabilityNow()).toBeGreaterThan(before);
  });

  it("marks decided picks right or wrong", async () => {
    const right = await signUp(server);
    const wrong = await signUp(server);
    const actress = ids.category("best-actress");
    await right.client.put(`/api/picks/${actress}`, { contenderId: ids.contender("best-actress", "emma-stone") });
    await wrong.client.put(`/api/picks/${actress}`, { contenderId: ids.contender("best-actress", "natalie-portman") });
    decideCategory(server.services, actress, ids.contender("best-actress", "emma-stone"));
    try {
      const rightBallot = sharedBallotSchema.parse(
        await (await server.fetch(`/api/ballots/${(await shareOf(right.client)).slug}`)).json(),
      );
      const wrongBallot = sharedBallotSchema.parse(
        await (await server.fetch(`/api/ballots/${(await shareOf(wrong.client)).slug}`)).json(),
      );
      expect(rightBallot.picks.find((pick) => pick.categoryId === actress)?.correct).toBe(true);
      expect(wrongBallot.picks.find((pick) => pick.categoryId === actress)?.correct).toBe(false);
      expect(rightBallot.score).toMatchObject({ correct: 1, decided: 1, accuracy: 1 });
      expect(rightBallot.score?.points).toBeGreaterThanOrEqual(10);
      expect(wrongBallot.score).toMatchObject({ points: 0, correct: 0, decided: 1, accuracy: 0 });
      expect(wrongBallot.score?.rank).toBeGreaterThan(rightBallot.score?.rank ?? 0);
    } finally {
      clearWinner(server.services, actress);
    }
  });

  it.each(["short", "..%2F..%2Fetc%2Fpasswd", "a".repeat(17), "AAAAAAAAAAAAAAAA"])(
    "answers slug %s with 4xx",
    async (slug) => {
      const response = await server.fetch(`/api/ballots/${slug}`);
      expect([400, 404]).toContain(response.status);
      expect((await readError(response)).code).toMatch(/^(invalid_request|not_found)$/);
    },
  );
});

describe("link previews", () => {
  it("serves the SPA with Open Graph and Twitter tags that escape user text", async () => {
    const { client, username } = await signUp(server);
    const picture = ids.category("best-picture");
    const hostile = ids.contender("best-picture", "hidden-figures");
    server.services.admin.renameContender(operator, hostile, `<script>alert("x")</script> & 'Co'`);
    try {
      await client.put(`/api/picks/${picture}`, { contenderId: hostile });
      const link = await shareOf(client);
      const response = await server.fetch(`/b/${link.slug}`);
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain('<div id="root"></div>');
      expect(html).not.toContain('<script>alert("x")</script>');
      expect(html).toContain(
        `<meta property="og:description" content="Best Picture: &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Co&#39;.`,
      );
      expect(html).toContain(
        `<meta property="og:title" content="${username}’s 89th Academy Awards ballot · Frontrunner" />`,
      );
      expect(html).toContain('<meta name="twitter:card" content="summary_large_image" />');
      expect(html).toMatch(
        new RegExp(
          `<meta property="og:image" content="${server.url}/b/${link.slug}/card\\.png\\?v=[A-Za-z0-9_-]{16}" />`,
        ),
      );
      expect(html).toContain(`<title>${username}’s 89th Academy Awards ballot · Frontrunner</title>`);
    } finally {
      server.services.admin.renameContender(operator, hostile, "Hidden Figures");
    }
  });

  it("draws a 1200×630 PNG card, cached until the ballot changes", async () => {
    const { client } = await signUp(server);
    const picture = ids.category("best-picture");
    await client.put(`/api/picks/${picture}`, { contenderId: ids.contender("best-picture", "moonlight") });
    const link = await shareOf(client);

    const first = await server.fetch(`/b/${link.slug}/card.png`);
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toBe("image/png");
    const png = Buffer.from(await first.arrayBuffer());
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });

    const etag = first.headers.get("etag") ?? "";
    expect((await server.fetch(`/b/${link.slug}/card.png`, { headers: { "If-None-Match": etag } })).status).toBe(304);
    await client.put(`/api/picks/${picture}`, { contenderId: ids.contender("best-picture", "la-la-land") });
    const changed = await server.fetch(`/b/${link.slug}/card.png`, { headers: { "If-None-Match": etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
  });

  // A shared cache (a CDN, a chat app's link unfurler) that kept a card or page for minutes would go on showing a
  // ballot its owner had revoked: every copy must be checked with us before it is used, and a revoked one is gone.
  it("lets no cache reuse a card or page without asking, so a revoke takes effect at once", async () => {
    const { client } = await signUp(server);
    const link = await shareOf(client);
    const card = await server.fetch(`/b/${link.slug}/card.png`);
    const page = await server.fetch(`/b/${link.slug}`);
    for (const answer of [card, page]) {
      expect(answer.status).toBe(200);
      expect(answer.headers.get("etag")).toMatch(/^".+"$/);
      expect(answer.headers.get("cache-control")).toMatch(/(^|[ ,])no-cache(,|$)/);
      expect(answer.headers.get("cache-control")).not.toMatch(/max-age|s-maxage|immutable/);
    }

    expect((await client.delete(`/api/me/share/${link.slug}`)).status).toBe(204);
    const revalidate = (path: string, answer: Response) =>
      server.fetch(path, { headers: { "If-None-Match": answer.headers.get("etag") ?? "" } });
    expect((await revalidate(`/b/${link.slug}/card.png`, card)).status).toBe(404);
    expect((await revalidate(`/b/${link.slug}`, page)).status).toBe(404);
  });
});
