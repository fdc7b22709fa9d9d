/**
 * "Can I still win?" on Oscar night: the operator announces a winner in one browser, and a fan's open pool page in
 * another shows who is out for first place and how each member moved, without a reload.
 */
import { expect, type Page, test } from "@playwright/test";
import { eventDetailSchema } from "../shared/schemas/events";
import { poolCreatedSchema } from "../shared/schemas/pools";
import { grantAdmin, signUp, uniqueName } from "./fixtures";

const ajax = { "X-Requested-With": "XMLHttpRequest" };

async function bestPicture(page: Page) {
  const event = eventDetailSchema.parse(await (await page.request.get("/api/events/oscars-2017")).json());
  const category = event.categories.find((row) => row.slug === "best-picture");
  if (!category) throw new Error("no Best Picture");
  const contender = (slug: string) => {
    const found = category.contenders.find((row) => row.slug === slug);
    if (!found) throw new Error(`no ${slug}`);
    return found.id;
  };
  return { id: category.id, winnerContenderId: category.winnerContenderId, contender };
}

// Every spec shares one database: the operator clears the winner so later specs still see an open Best Picture.
test.afterEach(async ({ page }) => {
  const category = await bestPicture(page);
  if (category.winnerContenderId) {
    await page.request.post(`/api/admin/categories/${category.id}/winner`, {
      data: { contenderId: null },
      headers: ajax,
    });
  }
});

async function announce(operator: Page, winner: string, button: "Announce winner" | "Correct winner") {
  await operator.getByLabel("Winner of Best Picture").selectOption({ label: winner });
  await operator.getByRole("button", { name: button }).click();
  await expect(operator.getByText(`Winner: ${winner}`, { exact: false }).first()).toBeVisible();
}

test("a winner announced by the operator puts a pool member out for first place, live, with the movement", async ({
  page,
  browser,
}) => {
  // Two browsers, a third fan through the API and the admin page: three times the usual budget.
  test.slow();
  const operator = await signUp(page, uniqueName("operator"));
  grantAdmin(operator.username);

  // Two fans whose Best Picture picks differ, in one pool.
  const watcherContext = await browser.newContext();
  const watcher = await watcherContext.newPage();
  const ava = await signUp(watcher, uniqueName("ava"));
  const category = await bestPicture(watcher);
  const avaPicked = await watcher.request.put(`/api/picks/${category.id}`, {
    data: { contenderId: category.contender("moonlight") },
    headers: ajax,
  });
  expect(avaPicked.ok()).toBe(true);
  const pool = poolCreatedSchema.parse(
    await (await watcher.request.post("/api/pools", { data: { name: "Envelope watchers" }, headers: ajax })).json(),
  );
  // Ben needs no page of his own: he signs up, picks and joins through the API, as his browser would.
  const friendContext = await browser.newContext();
  const friend = friendContext.request;
  const ben = { username: uniqueName("ben") };
  const signedUp = await friend.post("/api/auth/signup", {
    data: { username: ben.username, password: "la la land 2017" },
    headers: ajax,
  });
  expect(signedUp.status()).toBe(201);
  const picked = await friend.put(`/api/picks/${category.id}`, {
    data: { contenderId: category.contender("la-la-land") },
    headers: ajax,
  });
  expect(picked.ok()).toBe(true);
  const joined = await friend.post("/api/pools/join", { data: { inviteCode: pool.inviteCode }, headers: ajax });
  expect(joined.ok()).toBe(true);
  await friendContext.close();

  // Ava watches her pool; its live stream is connected before anything is announced.
  const streaming = watcher.waitForResponse((response) => response.url().endsWith("/api/odds/stream"));
  await watcher.goto(`/pools/${pool.id}`);
  await streaming;
  const table = watcher.getByRole("table", { name: "Envelope watchers leaderboard" });
  const rowOf = (username: string) =>
    table.getByRole("row").filter({ has: watcher.getByRole("link", { name: username, exact: true }) });

  await page.goto("/admin");
  await page
    .getByRole("region", { name: "89th Academy Awards: categories" })
    .getByText("Best Picture", { exact: true })
    .click();
  // La La Land is read out: Ben leads, and Ava, with nothing left to win, is out.
  await announce(page, "La La Land", "Announce winner");
  await expect(rowOf(ben.username)).toContainText("Still alive");
  await expect(rowOf(ava.username)).toContainText("Out");

  // Corrected on stage to Moonlight: Ava climbs a place and Ben falls one, and now Ben is out.
  await announce(page, "Moonlight", "Correct winner");
  await expect(rowOf(ava.username)).toContainText("Still alive");
  await expect(rowOf(ava.username).getByText("up 1 place")).toBeAttached();
  await expect(rowOf(ava.username)).toContainText("▲1");
  await expect(rowOf(ben.username)).toContainText("Out");
  await expect(rowOf(ben.username).getByText("down 1 place")).toBeAttached();
  await expect(rowOf(ben.username)).toContainText("▼1");
  await watcherContext.close();
});
