/** A test user agent: remembers its session cookie and sends the headers our client sends. */
import type { TestServer } from "./testServer.js";

let counter = 0;
/** Unique, valid usernames across a test run: `fan_1`, `fan_2`, … */
export const uniqueUsername = (prefix = "fan") => `${prefix}_${++counter}_${process.pid % 1000}`;

export type ApiClient = ReturnType<typeof apiClient>;

/** Anything that fetches paths on a server: an in-process TestServer or a child process's URL. */
export type Fetcher = Pick<TestServer, "fetch">;
export const fetcherFor = (url: string): Fetcher => ({ fetch: (pathname, init) => fetch(`${url}${pathname}`, init) });

export function apiClient(server: Fetcher) {
  let cookie: string | undefined;

  async function request(method: string, pathname: string, body?: unknown, headers: Record<string, string> = {}) {
    const init: RequestInit = {
      method,
      headers: {
        "X-Requested-With": "XMLHttpRequest",
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        ...(cookie ? { Cookie: cookie } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    };
    const response = await server.fetch(pathname, init);
    for (const setCookie of response.headers.getSetCookie()) {
      const [pair = ""] = setCookie.split(";");
      const expired = /expires=Thu, 01 Jan 1970/i.test(setCookie);
      cookie = expired ? undefined : pair;
    }
    return response;
  }

  return {
    request,
    get: (pathname: string, headers?: Record<string, string>) => request("GET", pathname, undefined, headers),
    post: (pathname: string, body?: unknown, headers?: Record<string, string>) =>
      request("POST", pathname, body, headers),
    put: (pathname: string, body?: unknown, headers?: Record<string, string>) =>
      request("PUT", pathname, body, headers),
    delete: (pathname: string, headers?: Record<string, string>) => request("DELETE", pathname, undefined, headers),
    get cookie() {
      return cookie;
    },
    set cookie(value: string | undefined) {
      cookie = value;
    },
  };
}

/** Signs up a fresh user through the API and returns its signed-in client. */
export async function makeUser(server: Fetcher, username = uniqueUsername(), password = "correct horse battery") {
  const client = apiClient(server);
  const response = await client.post("/api/auth/signup", { username, password });
  if (response.status !== 201) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  const { user } = (await response.json()) as { user: { id: number; username: string } };
  return { client, user, username, password };
}

/** Category and contender ids by slug, from the seeded Academy Awards. */
export async function oscarIds(server: TestServer) {
  const event = server.services.season.getEvent("oscars-2017");
  const { category, contender } = lookupBySlug(event);
  return { event, category: (slug: string) => category(slug).id, contender };
}

/** What lookupBySlug needs of an event: the API's EventDetail and the season service's event both have it. */
type EventWithContenders = {
  categories: readonly { id: number; slug: string; contenders: readonly { id: number; slug: string }[] }[];
};

/** Finds an event's categories and contenders by slug, failing loudly on a typo. */
export function lookupBySlug<Event extends EventWithContenders>(event: Event) {
  const category = (slug: string): Event["categories"][number] => {
    const found = event.categories.find((candidate) => candidate.slug === slug);
    if (!found) throw new Error(`no category ${slug}`);
    return found;
  };
  const contender = (categorySlug: string, slug: string) => {
    const found = category(categorySlug).contenders.find((candidate) => candidate.slug === slug);
    if (!found) throw new Error(`no contender ${slug} in ${categorySlug}`);
    return found.id;
  };
  return { category, contender };
}
