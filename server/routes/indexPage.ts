/** The built SPA page (dist/client/index.html), read once: the pages that carry their own tags splice them into it. */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Config } from "../config.js";

/** Returns the page, or undefined before `npm run build` (then the SPA fallback explains). */
export function createIndexPage({ clientDir }: Pick<Config, "clientDir">): () => string | undefined {
  let indexHtml: string | undefined;
  return () => {
    const file = path.join(clientDir, "index.html");
    if (indexHtml === undefined && existsSync(file)) indexHtml = readFileSync(file, "utf8");
    return indexHtml;
  };
}
