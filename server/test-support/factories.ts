/**
 * The world a test needs, one line a fact: users, picks, locks, winners, pools, all made through the services (or the
 * API, for tests about HTTP), so a change to the schema or a rule touches this file rather than every test.
 */
import { userResponseSchema } from "../../shared/schemas/auth.js";
import { type Clock, systemClock } from "../clock.js";
import { type Db, openDatabase } from "../db/connection.js";
import { migrate } from "../db/migrate.js";
import { presentPoolCreated } from "../presenters/pools.js";
import { createUserRepository } from "../repositories/userRepository.js";
import { seedSeasonIfEmpty } from "../seed/seedSeason.js";
import { createServices, type Services } from "../services/index.js";
import { apiClient, type Fetcher } from "./apiClient.js";

type Actor = Parameters<Services["admin"]["setWinner"]>[0];
type UserRef = { id: number };

/** The operator acting in tests, as the command line would: no user, a name the audit log records. */
export const operator: Actor = { userId: null, name: "cli:test" };

/** Every test fan's password unless a test picks one. */
const PASSWORD = "correct horse battery";

let counter = 0;
/** Unique, valid usernames across a test run: `fan_1_…`, `fan_2_…`, … */
export const uniqueUsername = (prefix = "fan") => `${prefix}_${++counter}_${process.pid % 1000}`;

/** Services over a fresh in-memory database holding the seeded 2016–17 season. */
export function seededServices(clock: Clock = systemClock) {
  const db = openDatabase(":memory:");
  migrate(db);
  const services = createServices(db, clock);
  seedSeasonIfEmpty(services.season);
  return { db, services };
}

/** A fan who signed up (through the auth service), made an admin by the operator when `admin` is set. */
export async function makeUser(
  services: Services,
  { username = uniqueUsername(), password = PASSWORD, admin = false } = {},
) {
  const { user } = await services.auth.signUp({ username, password });
  return admin ? services.admin.setAdmin(operator, username, true) : user;
}

/**
 * A fan who signed up through the API, with their signed-in client; `admin` needs the test server's services. For
 * tests about HTTP, and for servers running in another process.
 */
export async function signUp(
  server: Fetcher & { services?: Services },
  { username = uniqueUsername(), password = PASSWORD, admin = false } = {},
) {
  const client = apiClient(server);
  const response = await client.post("/api/auth/signup", { username, password });
  if (response.status !== 201) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  const { user } = userResponseSchema.parse(await response.json());
  if (admin) {
    if (!server.services) throw new Error("making an admin needs the server's services");
    server.services.admin.setAdmin(operator, username, true);
  }
  return { client, user, username, password };
}

/**
 * A simulated fan (no password, flagged demo). No service makes one fan at a time (the demo crowd service makes a
 * whole crowd with random picks), so this uses the repository call that service uses.
 */
export function makeDemoUser(db: Db, { username = `demo ${uniqueUsername()}`, at = 0 } = {}) {
  return { id: createUserRepository(db).insertDemo(username, at), username };
}

/** The user's pick in a category, made through the picks service at `at` (default: the services' now). */
export function makePick(
  services: Services,
  user: UserRef,
  pick: { category: number; contender: number; at?: number },
) {
  return services.picks.setPick(user.id, pick.category, pick.contender, pick.at);
}

/** Sets the category's lock time (the operator's edit): locked from `at` on. */
export function lockCategory(services: Services, categoryId: number, at: Date | number) {
  services.admin.updateCategory(operator, categoryId, { locksAt: new Date(at).toISOString() });
}

/** Clears the category's lock time, opening it again unless it has a winner. */
export function unlockCategory(services: Services, categoryId: number) {
  services.admin.updateCategory(operator, categoryId, { locksAt: null });
}

/** The operator announces (or corrects) the category's winner; its scores follow. */
export function decideCategory(services: Services, categoryId: number, contenderId: number) {
  services.admin.setWinner(operator, categoryId, contenderId);
}

/** The operator clears the category's winner. */
export function clearWinner(services: Services, categoryId: number) {
  services.admin.setWinner(operator, categoryId, null);
}

/** A pool owned (and so joined) by `owner`, with its invite code. */
export function makePool(services: Services, owner: UserRef, { name = "Oscar night crew" } = {}) {
  return presentPoolCreated(services.pools.create(owner.id, name));
}

/** The user joins the pool by its invite code. */
export function joinPool(services: Services, user: UserRef, pool: { inviteCode: string }) {
  services.pools.join(user.id, pool.inviteCode);
}

/** The user's answer to the event's tiebreaker question. */
export function answerTiebreaker(services: Services, user: UserRef, answer: number, eventSlug = "oscars-2017") {
  return services.scores.setAnswer(user.id, eventSlug, answer);
}

/** The user's share link to their ballot for the event. */
export function makeShareLink(services: Services, user: UserRef, eventSlug = "oscars-2017") {
  return services.share.createOrGet(user.id, eventSlug);
}

export type OscarIds = ReturnType<typeof oscarIds>;

/**
 * The seeded Academy Awards (or another event with a ballot), with its category and contender ids by slug (failing
 * loudly on a typo).
 */
export function oscarIds(services: Services, eventSlug = "oscars-2017") {
  const event = services.season.getEvent(eventSlug);
  const categoryBySlug = (slug: string) => {
    const found = event.categories.find((candidate) => candidate.slug === slug);
    if (!found) throw new Error(`no category ${slug}`);
    return found;
  };
  return {
    event,
    category: (slug: string) => categoryBySlug(slug).id,
    contender: (categorySlug: string, slug: string) => {
      const found = categoryBySlug(categorySlug).contenders.find((candidate) => candidate.slug === slug);
      if (!found) throw new Error(`no contender ${slug} in ${categorySlug}`);
      return found.id;
    },
  };
}

/** A film of the season by slug. */
export function filmBySlug(services: Services, slug: string) {
  const film = services.season.listFilms().find((candidate) => candidate.slug === slug);
  if (!film) throw new Error(`no film ${slug}`);
  return film;
}
