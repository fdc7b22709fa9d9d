import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiErrorSchema } from "../../shared/schemas/errors.js";
import { seasonFileSchema } from "../../shared/schemas/season.js";
import { fixedClock } from "../clock.js";
import { injectPageMeta } from "../presenters/pageMeta.js";
import { readSecondSeason } from "../test-support/secondSeason.js";
import { startTestServer, type TestServer } from "../test-support/testServer.js";

let server: TestServer;
let configured: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  configured = await startTestServer({ env: { PUBLIC_URL: "https://frontrunner.example/" } });
});
afterAll(async () => {
  await server.close();
  await configured.close();
});

/** fetch() always sends the Host it connects to, so a chosen Host goes through node:http. */
function getWithHost(target: TestServer, pathname: string, host: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const asked = request(`${target.url}${pathname}`, { headers: { Host: host } }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        body += chunk;
      });
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    asked.on("error", reject);
    asked.end();
  });
}

const metaContent = (html: string, key: string) =>
  new RegExp(`<meta (?:name|property)="${key}" content="([^"]*)"`).exec(html)?.[1];

describe("robots.txt", () => {
  it("is plain text that lets crawlers in, keeps them out of the API and names the sitemap", async () => {
    const response = await server.fetch("/robots.txt");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toMatch(/^User-agent: \*$/m);
    expect(text).toMatch(/^Disallow: \/api\/$/m);
    expect(text).toContain(`Sitemap: ${server.url}/sitemap.xml`);
    expect(text).not.toContain("<html");
  });

  it("uses PUBLIC_URL whatever Host was asked", async () => {
    const { body } = await getWithHost(configured, "/robots.txt", "elsewhere.example");
    expect(body).toContain("Sitemap: https://frontrunner.example/sitemap.xml");
  });
});

describe("sitemap.xml", () => {
  it("lists the home page, then the season's home, calendar, leaderboard and every category page, absolute", async () => {
    const response = await configured.fetch("/sitemap.xml");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/xml/);
    const xml = await response.text();
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org/);
    const locs = [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((match) => match[1]);
    const event = configured.services.season.getEvent("oscars-2017");
    // All 24 of the 89th Academy Awards: a category that opens for picks later still has its public page.
    expect(event.categories).toHaveLength(24);
    expect(locs).toEqual([
      "https://frontrunner.example/",
      "https://frontrunner.example/seasons/2016-17",
      "https://frontrunner.example/seasons/2016-17/calendar",
      "https://frontrunner.example/seasons/2016-17/leaderboard",
      ...event.categories.map(
        (category) => `https://frontrunner.example/seasons/2016-17/events/oscars-2017/${category.slug}`,
      ),
    ]);
  });

  it("takes the origin from a well-formed Host, and refuses one that is not a host name", async () => {
    const { body } = await getWithHost(server, "/sitemap.xml", "Frontrunner.Example:8080");
    expect(body).toContain("<loc>http://frontrunner.example:8080/seasons/2016-17/calendar</loc>");
    for (const host of ['evil.example/"><script>', "a b", "example.com@evil"]) {
      const answer = await getWithHost(server, "/sitemap.xml", host);
      expect(answer.status, host).toBe(400);
      expect(apiErrorSchema.parse(JSON.parse(answer.body)).error.code, host).toBe("bad_request");
    }
  });
});

describe("page tags", () => {
  it("give the home page the current season's title, description, canonical URL and preview tags", async () => {
    const response = await configured.fetch("/");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await response.text();
    expect(html).toContain("<title>Frontrunner — the 2016–17 awards season</title>");
    expect(metaContent(html, "description")).toMatch(/89th Academy Awards/);
    expect(metaContent(html, "og:url")).toBe("https://frontrunner.example/");
    expect(metaContent(html, "og:title")).toBe("Frontrunner — the 2016–17 awards season");
    expect(metaContent(html, "twitter:card")).toBe("summary");
    expect(html).toContain('<link rel="canonical" href="https://frontrunner.example/" />');
    expect(html.match(/<title>/g)).toHaveLength(1);
    expect(html.match(/<meta name="description"/g)).toHaveLength(1);
    expect(html).toContain('<div id="root"></div>');
  });

  it("give a season's home its own address and the same words", async () => {
    const html = await (await configured.fetch("/seasons/2016-17")).text();
    expect(html).toContain("<title>Frontrunner — the 2016–17 awards season</title>");
    expect(metaContent(html, "description")).toMatch(
      /^Who will win at the 89th Academy Awards\? .* 2016–17 awards season/,
    );
    expect(metaContent(html, "og:url")).toBe("https://frontrunner.example/seasons/2016-17");
  });

  it("preload the reads each page starts with, so they do not wait on one another", async () => {
    const preloads = (html: string) =>
      [...html.matchAll(/<link rel="preload" href="([^"]+)" as="fetch" crossorigin="anonymous" \/>/g)].map(
        (match) => match[1],
      );
    const home = ["/api/seasons", "/api/seasons/2016-17", "/api/events/oscars-2017"];
    expect(preloads(await (await configured.fetch("/")).text())).toEqual(home);
    expect(preloads(await (await configured.fetch("/seasons/2016-17")).text())).toEqual(home);
    const category = await (await configured.fetch("/seasons/2016-17/events/oscars-2017/best-actress")).text();
    expect(preloads(category)).toEqual(home);
    // Each one is a read the API answers.
    for (const apiPath of home) expect((await configured.fetch(apiPath)).status, apiPath).toBe(200);
  });

  it("name the category on its page, and revalidate with an ETag", async () => {
    const address = "/seasons/2016-17/events/oscars-2017/best-actress";
    const response = await configured.fetch(address);
    const html = await response.text();
    expect(html).toMatch(/<title>Best Actress odds · [^<]*Academy Awards · Frontrunner<\/title>/);
    expect(metaContent(html, "description")).toMatch(/^Who will win Best Actress at the .* \d+ contenders/);
    expect(metaContent(html, "og:url")).toBe(`https://frontrunner.example${address}`);
    const etag = response.headers.get("etag") ?? "";
    expect(etag).toMatch(/^".+"$/);
    const again = await configured.fetch(address, {
      headers: { "If-None-Match": etag, "Cache-Control": "max-age=0" },
    });
    expect(again.status).toBe(304);
  });

  it("leave an unknown season, event or category, or an event under another season, to the SPA", async () => {
    for (const address of [
      "/events/oscars-2099/best-picture",
      "/seasons/2099-00",
      "/seasons/2099-00/events/oscars-2017/best-picture",
      "/seasons/2016-17/events/oscars-2099/best-picture",
      "/seasons/2016-17/events/oscars-2017/best-nothing",
    ]) {
      const response = await configured.fetch(address);
      expect(response.status, address).toBe(200);
      const html = await response.text();
      expect(html, address).toContain('<div id="root"></div>');
      expect(metaContent(html, "og:url"), address).toBeUndefined();
    }
  });

  it("redirect a category's address from before seasons, permanently, to its season's, keeping the query", async () => {
    const response = await configured.fetch("/events/oscars-2017/best-picture?ref=share", { redirect: "manual" });
    expect(response.status).toBe(301);
    expect(response.headers.get("location")).toBe("/seasons/2016-17/events/oscars-2017/best-picture?ref=share");
    const followed = await configured.fetch("/events/oscars-2017/best-picture");
    expect(metaContent(await followed.text(), "og:url")).toBe(
      "https://frontrunner.example/seasons/2016-17/events/oscars-2017/best-picture",
    );
  });

  it("carry names as text, whatever characters they hold", () => {
    const page = '<html><head><title>x</title><meta name="description" content="y" /></head><body></body></html>';
    const html = injectPageMeta(page, {
      title: `La La $' <Land> & "Moon$&light"`,
      description: "$` it's",
      url: "https://frontrunner.example/?a=1&b=2",
    });
    expect(html).toContain("<title>La La $&#39; &lt;Land&gt; &amp; &quot;Moon$&amp;light&quot;</title>");
    expect(html).toContain('<meta name="description" content="$` it&#39;s" />');
    expect(html).toContain('content="https://frontrunner.example/?a=1&amp;b=2"');
    expect(html.match(/<\/head>/g)).toHaveLength(1);
    expect(html).not.toContain("og:image");
  });
});

describe("with a second season", () => {
  let two: TestServer;
  beforeAll(async () => {
    // After both ceremonies: the most recent season, 2017–18, is the current one.
    two = await startTestServer({ clock: fixedClock("2019-06-01T12:00:00.000Z") });
    const file = seasonFileSchema.parse(readSecondSeason());
    two.services.season.importSeason(file);
  });
  afterAll(() => two.close());

  it("serves the current season at / and each season at its own address", async () => {
    const home = await (await two.fetch("/")).text();
    expect(home).toContain("<title>Frontrunner — the 2017–18 awards season</title>");
    expect(metaContent(home, "description")).toMatch(/^Who will win at the 90th Academy Awards\?/);
    const launch = await (await two.fetch("/seasons/2016-17")).text();
    expect(launch).toContain("<title>Frontrunner — the 2016–17 awards season</title>");
  });

  it("redirects each season's old category addresses to that season, and lists both seasons' pages", async () => {
    for (const [old, season] of [
      ["/events/oscars-2017/best-picture", "2016-17"],
      ["/events/golden-globes-2018/best-motion-picture-drama", "2017-18"],
    ] as const) {
      const response = await two.fetch(old, { redirect: "manual" });
      expect(response.status, old).toBe(301);
      expect(response.headers.get("location"), old).toBe(`/seasons/${season}${old}`);
    }
    const xml = await (await two.fetch("/sitemap.xml")).text();
    const locs = [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((match) => new URL(match[1] ?? "").pathname);
    expect(locs).toContain("/seasons/2017-18");
    expect(locs).toContain("/seasons/2017-18/events/golden-globes-2018/best-director");
    expect(locs).toContain("/seasons/2016-17/events/oscars-2017/best-picture");
    expect(locs.filter((loc) => loc.includes("/events/oscars-2018/"))).toHaveLength(8);
  });

  it("does not serve one season's category under another season's address", async () => {
    const html = await (await two.fetch("/seasons/2016-17/events/oscars-2018/best-picture")).text();
    expect(metaContent(html, "og:url")).toBeUndefined();
  });
});
