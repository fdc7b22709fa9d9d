/** A test user agent: remembers its session cookie and sends the headers our client sends. */
import type { TestServer } from "./testServer.js";

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
