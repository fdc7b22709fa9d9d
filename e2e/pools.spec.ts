import { expect, test } from "@playwright/test";
import { ceremonyCategory, grantAdmin, signUp, uniqueName } from "./fixtures";

test("a fan starts a pool and a friend joins through the invite link", async ({ page, browser }) => {
  const owner = await signUp(page, uniqueName("owner"));
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Pools" }).click();
  await expect(page.getByText("You're not in any pools yet")).toBeVisible();
  await page.getByLabel("Pool name").fill("<b>Oscar</b> night");
  await page.getByRole("button", { name: "Create pool" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "<b>Oscar</b> night" })).toBeVisible();
  const inviteLink = await page.getByLabel("Invite link").inputValue();
  expect(inviteLink).toMatch(/\/join\/[A-Za-z0-9_-]{14}$/);

  const friendContext = await browser.newContext();
  const friendPage = await friendContext.newPage();
  await friendPage.goto(inviteLink);
  // Signed out, the invite already names the pool and who owns it.
  await expect(friendPage.getByRole("heading", { level: 1, name: "Join <b>Oscar</b> night" })).toBeVisible();
  await expect(
    friendPage.getByText(`${owner.username} invited you to their pool on Frontrunner (1 member so far)`),
  ).toBeVisible();
  await friendPage.getByRole("link", { name: "Create an account" }).click();
  const friendName = uniqueName("friend");
  await friendPage.getByLabel("Username").fill(friendName);
  await friendPage.getByLabel("Password").fill("moonlight 2017");
  await friendPage.getByRole("button", { name: "Sign up" }).click();

  await expect(friendPage.getByRole("heading", { name: "Join <b>Oscar</b> night" })).toBeVisible();
  await friendPage.getByRole("button", { name: "Join pool" }).click();
  const members = friendPage.getByRole("region", { name: /Members/ });
  // Each member's name leads to their profile.
  await expect(members.getByRole("link", { name: owner.username })).toHaveAttribute("href", `/u/${owner.username}`);
  await expect(members.getByText(friendName)).toBeVisible();
  await expect(friendPage.getByText("Picks appear here as each category locks")).toBeVisible();

  await page.reload();
  await expect(page.getByRole("region", { name: /Members \(2\)/ }).getByText(friendName)).toBeVisible();
  await friendContext.close();
});

test("the owner replaces the invite link and the old one stops working", async ({ page, browser }) => {
  await signUp(page, uniqueName("owner"));
  await page.goto("/pools");
  await page.getByLabel("Pool name").fill("Rotating crew");
  await page.getByRole("button", { name: "Create pool" }).click();
  const oldLink = await page.getByLabel("Invite link").inputValue();
  await page.getByRole("button", { name: "Replace invite link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The old one no longer works" })).toBeVisible();
  expect(await page.getByLabel("Invite link").inputValue()).not.toBe(oldLink);

  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signUp(other, uniqueName("late"));
  await other.goto(oldLink);
  await expect(other.getByRole("heading", { level: 1, name: "We couldn't find that invite" })).toBeVisible();
  await expect(other.getByText("The pool's owner may have replaced this link with a new one.")).toBeVisible();
  await otherContext.close();
});

test("a removed friend can't rejoin with the invite until the owner lets them back in", async ({ page, browser }) => {
  await signUp(page, uniqueName("owner"));
  await page.goto("/pools");
  await page.getByLabel("Pool name").fill("Closed circle");
  await page.getByRole("button", { name: "Create pool" }).click();
  const inviteLink = await page.getByLabel("Invite link").inputValue();

  const friendContext = await browser.newContext();
  const friend = await friendContext.newPage();
  const { username: friendName } = await signUp(friend, uniqueName("friend"));
  await friend.goto(inviteLink);
  await friend.getByRole("button", { name: "Join pool" }).click();
  await expect(friend.getByRole("heading", { level: 1, name: "Closed circle" })).toBeVisible();

  await page.reload();
  await page.getByRole("button", { name: `Remove ${friendName} from the pool` }).click();
  await page
    .getByRole("dialog", { name: `Remove ${friendName} from Closed circle?` })
    .getByRole("button", { name: "Remove" })
    .click();
  await expect(page.getByRole("region", { name: /Members \(1\)/ })).toBeVisible();

  await friend.goto(inviteLink);
  await expect(friend.getByRole("heading", { level: 1, name: "You can't join this pool" })).toBeVisible();
  await expect(friend.getByRole("alert")).toHaveText(/The owner removed you from Closed circle/);

  await page.getByRole("button", { name: `Let ${friendName} back in` }).click();
  await expect(page.getByRole("status").filter({ hasText: `${friendName} can join again` })).toBeVisible();
  await friend.reload();
  await friend.getByRole("button", { name: "Join pool" }).click();
  await expect(friend.getByRole("heading", { level: 1, name: "Closed circle" })).toBeVisible();
  await friendContext.close();
});

const xhr = { "X-Requested-With": "XMLHttpRequest" };

for (const viewport of [
  { name: "phone", width: 390, height: 844 },
  { name: "desktop", width: 1280, height: 800 },
]) {
  test(`before any winner, a locked category shows how the pool split (${viewport.name})`, async ({
    page,
    browser,
  }) => {
    // Three fans, a lock and its undoing: more steps than most tests, and the lock must be undone even on a slow run.
    test.setTimeout(90_000);
    const owner = await signUp(page, uniqueName("splitter"));
    const created = await page.request.post("/api/pools", { data: { name: "Split decision" }, headers: xhr });
    const pool = (await created.json()) as { id: number; inviteCode: string };
    const picture = await ceremonyCategory(page.request, "best-picture");
    const actress = await ceremonyCategory(page.request, "best-actress");
    const contender = (category: typeof picture, slug: string) =>
      category.contenders.find((candidate) => candidate.slug === slug)?.id;
    const pick = (request: typeof page.request, category: typeof picture, slug: string) =>
      request.put(`/api/picks/${category.id}`, { data: { contenderId: contender(category, slug) }, headers: xhr });
    expect((await pick(page.request, picture, "la-la-land")).status()).toBe(200);

    // A friend who picks the same film, and one who has not picked yet (signed up through the API: the pages under
    // test are the owner's).
    const friends = [];
    for (const prefix of ["agreer", "latecomer"]) {
      const context = await browser.newContext();
      const username = uniqueName(prefix);
      const signedUp = await context.request.post("/api/auth/signup", {
        data: { username, password: "la la land 2017" },
        headers: xhr,
      });
      expect(signedUp.status()).toBe(201);
      const joined = await context.request.post("/api/pools/join", {
        data: { inviteCode: pool.inviteCode },
        headers: xhr,
      });
      expect(joined.status()).toBe(200);
      friends.push({ context, username });
    }
    const [agreer, latecomer] = friends;
    if (!agreer || !latecomer) throw new Error("two friends were signed up");
    expect((await pick(agreer.context.request, picture, "la-la-land")).status()).toBe(200);
    // Best Actress stays open: this pick stays private.
    expect((await pick(agreer.context.request, actress, "emma-stone")).status()).toBe(200);

    grantAdmin(owner.username);
    const setLock = (at: string | null) =>
      page.request.put(`/api/admin/categories/${picture.id}`, { data: { locksAt: at }, headers: xhr });
    expect((await setLock(new Date(Date.now() - 60_000).toISOString())).status()).toBe(200);
    try {
      // Signed up at the default width, where the header shows who is signed in; then the width under test.
      await page.setViewportSize(viewport);
      await page.goto(`/pools/${pool.id}`);
      const picks = page.getByRole("region", { name: "Everyone's picks" });
      const bestPicture = picks.getByRole("region", { name: "Best Picture" });
      await expect(bestPicture.getByText("La La Land 2 · no pick 1")).toBeVisible();
      await expect(bestPicture.getByRole("listitem").filter({ hasText: agreer.username })).toContainText("La La Land");
      await expect(picks.getByRole("region", { name: "Best Actress" })).toHaveCount(0);
      // The leaderboard says when scoring starts, and every member's name leads to their profile.
      await expect(page.getByText(/Scoring starts with the first envelope at the 89th Academy Awards/)).toBeVisible();
      await expect(
        page.getByRole("region", { name: /Members/ }).getByRole("link", { name: latecomer.username }),
      ).toHaveAttribute("href", `/u/${latecomer.username}`);
    } finally {
      await setLock(null);
      for (const friend of friends) await friend.context.close();
    }
  });
}
