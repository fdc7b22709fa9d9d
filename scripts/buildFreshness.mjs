// Whether the build in dist/ is the code checked out: `npm start` rebuilds when it is missing or older than a source.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

export const buildOutputs = ["dist/server/server/main.js", "dist/client/index.html"];
export const sourceRoots = [
  "client",
  "server",
  "shared",
  "package.json",
  "package-lock.json",
  "vite.config.ts",
  "tsconfig.json",
  "tsconfig.base.json",
];
/**
 * Tests are not part of the build: editing one must not cost the next start a rebuild.
 * @param {string} file
 */
const isTest = (file) => /\.test\.tsx?$/.test(file);

/**
 * The newest modification time under the given files and folders, in milliseconds.
 * @param {string[]} paths
 * @returns {number}
 */
function newestChange(paths) {
  let newest = 0;
  for (const entry of paths) {
    if (!existsSync(entry)) continue;
    const stats = statSync(entry);
    if (stats.isDirectory()) {
      newest = Math.max(newest, newestChange(readdirSync(entry).map((child) => path.join(entry, child))));
    } else if (!isTest(entry)) {
      newest = Math.max(newest, stats.mtimeMs);
    }
  }
  return newest;
}

/**
 * Why the app must be built before it starts, or null when the build is current.
 * @param {string} root the checkout
 * @returns {string | null}
 */
export function whyBuild(root) {
  const outputs = buildOutputs.map((output) => path.join(root, output));
  if (!outputs.every((output) => existsSync(output))) return "No build found";
  const built = Math.min(...outputs.map((output) => statSync(output).mtimeMs));
  const newestSource = newestChange(sourceRoots.map((source) => path.join(root, source)));
  return newestSource > built ? "The source changed since the last build" : null;
}
