/**
 * Every API route the app serves, as `METHOD /api/path`, found by walking Express's router: a test's table of
 * routes is compared with it, so a route added to the app without a row in the table fails that test.
 */
import type { App } from "../app.js";

type Layer = {
  rawPath?: unknown;
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
};

function routesOf(stack: Layer[], prefix: string): string[] {
  return stack.flatMap((layer) => {
    const { route } = layer;
    if (route) {
      return Object.keys(route.methods)
        .filter((method) => method !== "_all")
        .map((method) => `${method.toUpperCase()} ${prefix}${route.path}`);
    }
    const nested = layer.handle?.stack;
    if (!nested) return [];
    return routesOf(
      nested,
      typeof layer.rawPath === "string" && layer.rawPath !== "/" ? prefix + layer.rawPath : prefix,
    );
  });
}

export function apiRoutesOf(app: App): string[] {
  const appRouter = (app as unknown as { router: { stack: Layer[] } }).router;
  return routesOf(appRouter.stack, "").filter((route) => route.includes(" /api/"));
}
