import { type APIRequestContext, type Browser, expect, type Page, test } from "@playwright/test";
import Database from "better-sqlite3";
import { grantAdmin, uniqueName } from "./fixtures";

const password = "la la land 2017";
const xhr = { "X-Requested-With": "XMLHttpRequest" };

const category = (page: Page, name: string) => page.getByRole("radiogroup", { name, exact: true });

async function signUpThroughForm(page: Page, username: string) {
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByRole("navigation", { name: "Main" }).getByText(`Signed in as ${username}`)).toBeVisible();
}

async function signUpInFreshContext(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const username = uniqueName("rival");
  await page.goto("/signup?next=/ballot");
  await signUpThroughForm(page, username);
  return { context, page, username };
}

async function categoryNamed(request: APIRequestContext, name: string) {
  const response = await request.get("/api/events/oscars-2017");
  const event = (await response.json()) as {
    categories: { id: number; name: string; contenders: { id: number; name: string }[] }[];
  };
  return event.categories.find((candidate) => candidate.name === name);
}

async function ids(request: APIRequestContext) {
  const bestPicture = await categoryNamed(request, "Best Picture");
  const moonlight = bestPicture?.contenders.find((contender) => contender.name === "Moonlight");
  if (!bestPicture || !moonlight) throw new Error("the seed has no Best Picture / Moonlight");
  return { bestPictureId: bestPicture.id, moonlightId: moonlight.id };
}

test("a fan's picks are saved, survive reload and sign-in, and stay theirs alone", async ({ page, browser }) => {
  const username = uniqueName("fan");
  await page.goto("/signup?next=/ballot");
  await signUpThroughForm(page, username);
  await expect(page.getByRole("heading", { name: "89th Academy Awards" })).toBeVisible();
  await expect(page.getByText("0 of 24 picked")).toBeVisible();

  await category(page, "Best Picture").getByRole("radio", { name: "La La Land" }).click();
  await category(page, "Best Actress").getByRole("radio", { name: "Emma Stone, La La Land" }).click();
  await expect(page.getByText("2 of 24 picked")).toBeVisible();
  await expect(page.getByText("Saved", { exact: true })).toHaveCount(2);

  await page.reload();
  await expect(category(page, "Best Picture").getByRole("radio", { name: "La La Land" })).toBeChecked();
  await expect(category(page, "Best Actress").getByRole("radio", { name: "Emma Stone, La La Land" })).toBeChecked();

  // A pick still settling when the fan signs out is saved first, with the session it was made in.
  await category(page, "Best Director").getByRole("radio", { name: "Barry Jenkins, Moonlight" }).click();
  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in to save your picks" })).toBeVisible();
  await expect(category(page, "Best Picture").getByRole("radio", { name: "La La Land" })).not.toBeChecked();
  await nav.getByRole("link", { name: "Sign in" }).click();
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(category(page, "Best Picture").getByRole("radio", { name: "La La Land" })).toBeChecked();
  await expect(category(page, "Best Actress").getByRole("radio", { name: "Emma Stone, La La Land" })).toBeChecked();
  await expect(category(page, "Best Director").getByRole("radio", { name: "Barry Jenkins, Moonlight" })).toBeChecked();
  await expect(page.getByText("3 of 24 picked")).toBeVisible();

  // Someone else, in their own browser, sees an empty ballot and can only ever change their own.
  const rival = await signUpInFreshContext(browser);
  await expect(rival.page.getByText("0 of 24 picked")).toBeVisible();
  await expect(category(rival.page, "Best Picture").getByRole("radio", { checked: true })).toHaveCount(0);
  const { bestPictureId, moonlightId } = await ids(rival.context.request);
  const put = await rival.context.request.put(`/api/picks/${bestPictureId}`, {
    data: { contenderId: moonlightId },
    headers: xhr,
  });
  expect(put.status()).toBe(200);
  await rival.page.reload();
  await expect(category(rival.page, "Best Picture").getByRole("radio", { name: "Moonlight" })).toBeChecked();
  const cleared = await rival.context.request.delete(`/api/picks/${bestPictureId}`, { headers: xhr });
  expect(cleared.status()).toBe(204);
  await rival.context.close();

  await page.reload();
  await expect(category(page, "Best Picture").getByRole("radio", { name: "La La Land" })).toBeChecked();
  await expect(page.getByText("3 of 24 picked")).toBeVisible();
});

test("a pick can be changed and cleared", async ({ page }) => {
  await page.goto("/signup?next=/ballot");
  await signUpThroughForm(page, uniqueName("changer"));
  const bestActor = category(page, "Best Actor");
  await bestActor.getByRole("radio", { name: "Casey Affleck, Manchester by the Sea" }).click();
  await bestActor.getByRole("radio", { name: "Denzel Washington, Fences" }).click();
  await expect(bestActor.getByRole("radio", { name: "Denzel Washington, Fences" })).toBeChecked();
  await page.getByRole("button", { name: "Clear pick for Best Actor" }).click();
  await expect(bestActor.getByRole("radio", { checked: true })).toHaveCount(0);
  await page.reload();
  await expect(page.getByText("0 of 24 picked")).toBeVisible();
  await expect(bestActor.getByRole("radio", { checked: true })).toHaveCount(0);
});

/** The server's pick log for one fan and category, oldest first: what the odds history and scoring are built from. */
function pickEvents(username: string, categoryName: string) {
  const db = new Database(process.env.E2E_DB_PATH ?? "", { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare(
        `SELECT contenders.person AS person FROM pick_events
         JOIN users ON users.id = pick_events.user_id
         JOIN categories ON categories.id = pick_events.category_id
         LEFT JOIN contenders ON contenders.id = pick_events.contender_id
         WHERE users.username = ? AND categories.name = ? ORDER BY pick_events.id`,
      )
      .all(username, categoryName) as { person: string | null }[];
  } finally {
    db.close();
  }
}

test("arrowing through a category saves only the contender the fan stops on", async ({ page }) => {
  const username = uniqueName("arrower");
  await page.goto("/signup?next=/ballot");
  await signUpThroughForm(page, username);
  const supportingActor = category(page, "Best Supporting Actor");
  const first = supportingActor.getByRole("radio", { name: "Mahershala Ali, Moonlight" });
  await first.focus();
  await page.keyboard.press("Space");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(supportingActor.getByRole("radio", { name: "Jeff Bridges, Hell or High Water" })).toBeChecked();
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();

  expect(pickEvents(username, "Best Supporting Actor")).toEqual([{ person: "Jeff Bridges" }]);
  await page.reload();
  await expect(supportingActor.getByRole("radio", { name: "Jeff Bridges, Hell or High Water" })).toBeChecked();
});

test("picks still waiting to be saved reach the server when the tab is closed", async ({ page, context }) => {
  const username = uniqueName("closer");
  await page.goto("/signup?next=/ballot");
  await signUpThroughForm(page, username);
  // Two categories changed inside the settle wait, so both are still waiting when the page goes away.
  await category(page, "Best Director").getByRole("radio", { name: "Barry Jenkins, Moonlight" }).click();
  await category(page, "Best Supporting Actor").getByRole("radio", { name: "Mahershala Ali, Moonlight" }).click();
  await page.close({ runBeforeUnload: true });

  await expect
    .poll(() => [...pickEvents(username, "Best Director"), ...pickEvents(username, "Best Supporting Actor")])
    .toEqual([{ person: "Barry Jenkins" }, { person: "Mahershala Ali" }]);
  const reopened = await context.newPage();
  await reopened.goto("/seasons/2016-17/ballot/oscars-2017");
  await expect(reopened.getByText("2 of 24 picked")).toBeVisible();
});

test("a pick chosen moments before its category locks is sent at once, so it counts", async ({ page }) => {
  const username = uniqueName("lastcall");
  await page.goto("/signup");
  await signUpThroughForm(page, username);
  grantAdmin(username);
  const directorId = (await categoryNamed(page.request, "Best Director"))?.id;
  // The operator locks Best Director ten minutes from now (by the server's clock)...
  const locksAt = Date.now() + 10 * 60_000;
  const setLock = (at: number | null) =>
    page.request.put(`/api/admin/categories/${directorId}`, {
      data: { locksAt: at === null ? null : new Date(at).toISOString() },
      headers: xhr,
    });
  expect((await setLock(locksAt)).status()).toBe(200);
  try {
    // ...and the fan's clock stands 300 ms before that lock, and stays there: the usual wait could never end.
    await page.clock.install({ time: locksAt - 60_000 });
    await page.goto("/seasons/2016-17/ballot/oscars-2017");
    await expect(
      category(page, "Best Director").getByRole("radio", { name: "Barry Jenkins, Moonlight" }),
    ).toBeEnabled();
    await page.clock.pauseAt(locksAt - 300);
    const sent = page.waitForRequest(
      (request) => request.method() === "PUT" && request.url().endsWith(`/api/picks/${directorId}`),
      { timeout: 10_000 }, // leaves the test time to unlock the category if it never comes
    );
    await category(page, "Best Director").getByRole("radio", { name: "Barry Jenkins, Moonlight" }).click();
    await sent;
    await page.clock.resume();
    await expect.poll(() => pickEvents(username, "Best Director")).toEqual([{ person: "Barry Jenkins" }]);
  } finally {
    await setLock(null);
  }
});

test("a signed-out draft is offered for saving after sign-up, and saved", async ({ page }) => {
  await page.goto("/seasons/2016-17/ballot/oscars-2017");
  await expect(page.getByRole("heading", { name: "Sign in to save your picks" })).toBeVisible();
  await category(page, "Best Director").getByRole("radio", { name: "Barry Jenkins, Moonlight" }).click();
  await category(page, "Best Picture").getByRole("radio", { name: "Moonlight" }).click();
  await expect(page.getByText("2 of 24 picked")).toBeVisible();
  await page.reload();
  await expect(category(page, "Best Picture").getByRole("radio", { name: "Moonlight" })).toBeChecked();

  await page.getByRole("link", { name: "Create an account" }).click();
  await signUpThroughForm(page, uniqueName("drafter"));
  await expect(page).toHaveURL(/\/seasons\/2016-17\/ballot\/oscars-2017$/);
  const offer = page.getByRole("complementary", { name: "Save 2 draft picks to your ballot?" });
  await expect(offer.getByText("Best Director: Barry Jenkins, Moonlight")).toBeVisible();
  await offer.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved 2 picks to your ballot.")).toBeVisible();
  await expect(category(page, "Best Picture").getByRole("radio", { name: "Moonlight" })).toBeChecked();

  await page.reload();
  await expect(page.getByText("2 of 24 picked")).toBeVisible();
  await expect(category(page, "Best Director").getByRole("radio", { name: "Barry Jenkins, Moonlight" })).toBeChecked();
  await expect(page.getByRole("complementary", { name: /draft pick/ })).toHaveCount(0);
});

test("open categories are pickable and show that no lock time is set", async ({ page }) => {
  await page.goto("/seasons/2016-17/ballot/oscars-2017");
  const bestPicture = category(page, "Best Picture");
  await expect(bestPicture.getByRole("radio", { name: "La La Land" })).toBeEnabled();
  await expect(bestPicture).toHaveAccessibleDescription("Open: no lock time set yet");
});

test("a signed-in fan is reminded of open categories elsewhere, not on the ballot", async ({ page }) => {
  await page.goto("/signup");
  await signUpThroughForm(page, uniqueName("reminded"));
  const reminder = page.getByRole("complementary", { name: "Ballot reminder" });
  await expect(reminder).toHaveText(/You have 24 open categories without a pick — finish your ballot/);
  await reminder.getByRole("link", { name: "finish your ballot" }).click();
  await expect(page).toHaveURL(/\/seasons\/2016-17\/ballot\/oscars-2017$/);
  await expect(reminder).toHaveCount(0);
  await page.getByRole("link", { name: "Calendar" }).click();
  await reminder.getByRole("button", { name: "Dismiss the ballot reminder" }).click();
  await expect(reminder).toHaveCount(0);
  await page.getByRole("link", { name: "The race" }).click();
  await expect(page.getByRole("heading", { name: "Categories" })).toBeVisible();
  await expect(reminder).toHaveCount(0);
});

for (const viewport of [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
]) {
  test(`the ballot lists the big eight first, then the rest of the 24 categories (${viewport.name})`, async ({
    page,
  }) => {
    await page.goto("/signup?next=/ballot");
    await signUpThroughForm(page, uniqueName("grouped"));
    // Signed up at the default size (the phone's header folds the account line into its menu), then resized.
    await page.setViewportSize(viewport);
    const bigEight = page.getByRole("region", { name: "The big eight" });
    const rest = page.getByRole("region", { name: "The rest of the ballot" });
    await expect(bigEight.getByRole("radiogroup")).toHaveCount(8);
    await expect(rest.getByRole("radiogroup")).toHaveCount(16);
    await expect(bigEight.getByRole("radiogroup", { name: "Best Picture", exact: true })).toBeVisible();
    const mixing = rest.getByRole("radiogroup", { name: "Best Sound Mixing", exact: true });
    const firstBox = await bigEight.boundingBox();
    const restBox = await rest.boundingBox();
    expect(restBox?.y ?? 0).toBeGreaterThan((firstBox?.y ?? 0) + (firstBox?.height ?? 0) - 1);

    // A category of the rest is picked like any other, by keyboard too, and counts toward the ballot.
    await mixing.getByRole("radio", { name: "Hacksaw Ridge" }).focus();
    await page.keyboard.press("Space");
    await expect(mixing.getByRole("radio", { name: "Hacksaw Ridge" })).toBeChecked();
    await expect(page.getByText("1 of 24 picked")).toBeVisible();
    await page.reload();
    await expect(mixing.getByRole("radio", { name: "Hacksaw Ridge" })).toBeChecked();
  });
}
