/** The shared-ballot page `/b/:slug`: names spliced into the HTML arrive as text, whatever characters they hold. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shareLinkSchema } from "../../shared/schemas/share.js";
import { oscarIds, signUp } from "../test-support/factories.js";
import { startTestServer, type TestServer } from "../test-support/testServer.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe("link preview tags", () => {
  // String.replace reads these in a replacement string: the match, the text before it, the text after it.
  it.each(["La La $` Land", "La La $& Land", "La La $' Land", "$$ Moon$1light"])(
    "carry a film named %s as that text, and the page once",
    async (title) => {
      const ids = oscarIds(server.services);
      const admin = await signUp(server);
      server.services.admin.setAdmin({ userId: null, name: "test" }, admin.username, true);
      const film = ids.contender("best-picture", "la-la-land");
      expect((await admin.client.put(`/api/admin/contenders/${film}`, { name: title })).status).toBe(200);

      const { client } = await signUp(server);
      await client.put(`/api/picks/${ids.category("best-picture")}`, { contenderId: film });
      const link = shareLinkSchema.parse(await (await client.post("/api/me/share", { event: "oscars-2017" })).json());
      const response = await server.fetch(`/b/${link.slug}`);
      expect(response.status).toBe(200);
      const html = await response.text();

      const escaped = title.replaceAll("&", "&amp;").replaceAll("'", "&#39;");
      expect(html).toContain(`<meta name="description" content="Best Picture: ${escaped}.`);
      expect(html).toContain(`<meta property="og:description" content="Best Picture: ${escaped}.`);
      expect(html.match(/<html/g)).toHaveLength(1);
      expect(html.match(/<\/head>/g)).toHaveLength(1);
      expect(html.match(/<title>/g)).toHaveLength(1);
    },
  );
});
