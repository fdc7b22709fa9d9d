/** Shared e2e steps, done through the UI the way a fan would. */
import { execFileSync } from "node:child_process";
import { type APIRequestContext, expect, type Page } from "@playwright/test";
import { eventDetailSchema } from "../shared/schemas/events";

export const uniqueName = (prefix: string) =>
  `${prefix}_${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`.slice(0, 24);

export async function signUp(page: Page, username = uniqueName("fan"), password = "la la land 2017") {
  await page.goto("/signup");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByRole("navigation", { name: "Main" }).getByText(`Signed in as ${username}`)).toBeVisible();
  return { username, password };
}

/** Grants admin the only way there is: the CLI on the server machine, against the e2e server's database. */
export function grantAdmin(username: string) {
  execFileSync(process.execPath, ["dist/server/server/cli/admin.js", "grant", username], {
    env: { ...process.env, DB_PATH: process.env.E2E_DB_PATH },
    stdio: "pipe",
  });
}

const xhr = { "X-Requested-With": "XMLHttpRequest" };

/** The seeded ceremony every spec shares, as the API has it now. */
export const CEREMONY = "oscars-2017";

export async function ceremony(request: APIRequestContext) {
  return eventDetailSchema.parse(await (await request.get(`/api/events/${CEREMONY}`)).json());
}

/** One of the ceremony's categories by slug, failing loudly on a typo. */
export async function ceremonyCategory(request: APIRequestContext, categorySlug: string) {
  const category = (await ceremony(request)).categories.find((candidate) => candidate.slug === categorySlug);
  if (!category) throw new Error(`no category "${categorySlug}"`);
  return category;
}

/**
 * The operator announces (or corrects) a category's winner by slugs, or clears it with null, through the admin API
 * as the replay does; `request` must be an operator's.
 */
export async function setWinner(request: APIRequestContext, categorySlug: string, contenderSlug: string | null) {
  const category = await ceremonyCategory(request, categorySlug);
  const contender = category.contenders.find((candidate) => candidate.slug === contenderSlug);
  if (contenderSlug !== null && !contender) throw new Error(`no contender "${contenderSlug}" in ${categorySlug}`);
  const response = await request.post(`/api/admin/categories/${category.id}/winner`, {
    data: { contenderId: contender?.id ?? null },
    headers: xhr,
  });
  expect(response.status()).toBe(200);
}

/**
 * Every spec shares one database: clears every winner of the ceremony so the specs after this one find its categories
 * open. Anyone but an operator is refused, so this is a no-op when a test failed before it had one.
 */
export async function clearWinners(request: APIRequestContext) {
  for (const category of (await ceremony(request)).categories.filter((entry) => entry.winnerContenderId !== null)) {
    await request.post(`/api/admin/categories/${category.id}/winner`, { data: { contenderId: null }, headers: xhr });
  }
}

/**
 * The operator announces a winner in the admin area, as on the night: opens the category, chooses the contender by its
 * option's label ("Moonlight", or "Emma Stone (La La Land)" for a person) and waits until it is the winner.
 */
export async function announceInAdmin(page: Page, categoryName: string, contenderLabel: string) {
  if (!page.url().endsWith("/admin")) await page.goto("/admin");
  await page
    .getByRole("region", { name: "89th Academy Awards: categories" })
    .getByText(categoryName, { exact: true })
    .click();
  const winner = page.getByLabel(`Winner of ${categoryName}`);
  const category = page.getByRole("group").filter({ has: winner });
  await winner.selectOption({ label: contenderLabel });
  await category.getByRole("button", { name: "Announce winner" }).click();
  await expect(category.getByRole("button", { name: "Correct winner" })).toBeVisible();
}
