import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { eventDetailSchema } from "../shared/schemas/events";

const uniqueName = (prefix: string) => `${prefix}_${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;

/** Grants admin the only way there is: the CLI on the server machine, against the e2e server's database. */
function grantAdmin(username: string) {
  execFileSync(process.execPath, ["dist/server/server/cli/admin.js", "grant", username], {
    env: { ...process.env, DB_PATH: process.env.E2E_DB_PATH },
    stdio: "pipe",
  });
}

/**
 * The e2e server's database is shared by every spec, so the operator clears the winner afterwards: the other
 * specs need an open Best Picture. (Anyone but an admin is refused, so this is a no-op when the test failed early.)
 */
test.afterEach(async ({ page }) => {
  const event = eventDetailSchema.parse(await (await page.request.get("/api/events/oscars-2017")).json());
  const bestPicture = event.categories.find((category) => category.slug === "best-picture");
  if (bestPicture?.winnerContenderId) {
    await page.request.post(`/api/admin/categories/${bestPicture.id}/winner`, {
      data: { contenderId: null },
      headers: { "X-Requested-With": "XMLHttpRequest" },
    });
  }
});

test("an operator announces Best Picture; fans see the winner and a locked category", async ({ page }) => {
  const username = uniqueName("operator");
  await page.goto("/signup");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill("moonlight 2017");
  await page.getByRole("button", { name: "Sign up" }).click();
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByText(`Signed in as ${username}`)).toBeVisible();
  await expect(nav.getByRole("link", { name: "Admin" })).toHaveCount(0);

  grantAdmin(username);
  await page.reload();
  await nav.getByRole("link", { name: "Admin" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Admin" })).toBeVisible();

  await page.getByText("Best Picture", { exact: true }).click();
  await page.getByLabel("Winner of Best Picture").selectOption({ label: "Moonlight" });
  await page.getByRole("button", { name: "Announce winner" }).click();
  await expect(page.getByRole("button", { name: "Correct winner" })).toBeVisible();
  await expect(
    page.getByRole("list", { name: "Operator actions, newest first" }).getByRole("listitem").first(),
  ).toContainText("category.winner.announce");

  await page.goto("/events/oscars-2017/best-picture");
  await expect(page.getByText("Winner: Moonlight")).toBeVisible();
  await expect(page.getByText("Locked: picks can no longer change")).toBeVisible();

  const event = eventDetailSchema.parse(await (await page.request.get("/api/events/oscars-2017")).json());
  const bestPicture = event.categories.find((category) => category.slug === "best-picture");
  const pick = await page.request.put(`/api/picks/${bestPicture?.id}`, {
    data: { contenderId: bestPicture?.winnerContenderId },
    headers: { "X-Requested-With": "XMLHttpRequest" },
  });
  expect(pick.status()).toBe(409);
  expect((await pick.json()).error.code).toBe("category_locked");
});

test("a fan has no Admin link and the admin page says it is for operators", async ({ page }) => {
  await page.goto("/admin");
  await expect(page.getByText("This area is for the site's operators.")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" })).toHaveCount(0);
});
