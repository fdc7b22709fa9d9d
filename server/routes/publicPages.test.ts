/**
 * What crawlers and link previews read: robots.txt, the sitemap of public pages, and the home and category pages
 * with their own tags, all with absolute URLs from PUBLIC_URL or a well-formed Host.
 */
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiErrorSchema } from "../../shared/schemas/errors.js";
import { injectPageMeta } from "../presenters/pageMeta.js";
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
  it("lists the home page, the calendar, the leaderboard and every category page, absolute", async () => {
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
      "https://frontrunner.example/calendar",
      "https://frontrunner.example/leaderboard",
      ...event.categories.map((category) => `https://frontrunner.example/events/oscars-2017/${category.slug}`),
    ]);
  });

  it("takes the origin from a well-formed Host, and refuses one that is not a host name", async () => {
    const { body } = await getWithHost(server, "/sitemap.xml", "Frontrunner.Example:8080");
    expect(body).toContain("<loc>http://frontrunner.example:8080/calendar</loc>");
    for (const host of ['evil.example/"><script>', "a b", "example.com@evil"]) {
      const answer = await getWithHost(server, "/sitemap.xml", host);
      expect(answer.status, host).toBe(400);
      expect(apiErrorSchema.parse(JSON.parse(answer.body)).error.code, host).toBe("bad_request");
    }
  });
});

describe("page tags", () => {
  it("give the home page its title, description, canonical URL and preview tags", async () => {
    const response = await configured.fetch("/");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await response.text();
    expect(html).toContain("<title>Frontrunner — the 2016–17 Oscar race</title>");
    expect(metaContent(html, "description")).toMatch(/89th Academy Awards/);
    expect(metaContent(html, "og:url")).toBe("https://frontrunner.example/");
    expect(metaContent(html, "og:title")).toBe("Frontrunner — the 2016–17 Oscar race");
    expect(metaContent(html, "twitter:card")).toBe("summary");
    expect(html).toContain('<link rel="canonical" href="https://frontrunner.example/" />');
    expect(html.match(/<title>/g)).toHaveLength(1);
    expect(html.match(/<meta name="description"/g)).toHaveLength(1);
    expect(html).toContain('<div id="root"></div>');
  });

  it("name the category on its page, and revalidate with an ETag", async () => {
    const response = await configured.fetch("/events/oscars-2017/best-actress");
    const html = await response.text();
    expect(html).toMatch(/<title>Best Actress odds · [^<]*Academy Awards · Frontrunner<\/title>/);
    expect(metaContent(html, "description")).toMatch(/^Who will win Best Actress at the .* \d+ contenders/);
    expect(metaContent(html, "og:url")).toBe("https://frontrunner.example/events/oscars-2017/best-actress");
    const etag = response.headers.get("etag") ?? "";
    expect(etag).toMatch(/^".+"$/);
    const again = await configured.fetch("/events/oscars-2017/best-actress", {
      headers: { "If-None-Match": etag, "Cache-Control": "max-age=0" },
    });
    expect(again.status).toBe(304);
  });

  it("leave an unknown category to the SPA, with the site's own title", async () => {
    const response = await configured.fetch("/events/oscars-2099/best-picture");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<div id="root"></div>');
    expect(metaContent(html, "og:url")).toBeUndefined();
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
