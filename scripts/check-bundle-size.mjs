// The front-end budget, run by `npm test` after the build: the JavaScript a first visit downloads (the entry
// script in dist/client/index.html plus its modulepreload links, which Vite writes for every static import) must
// stay within 143 kB gzipped; the chart library, every page but the home page and zod's classic API must not be part of it.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const clientDir = "dist/client";
/** kB as Vite reports them: 1,000 bytes. */
const BUDGET_BYTES = 143_000;

/** Code that must load only when needed; the header's Admin link stays, so admins can find the page. */
const lazyOnly = [
  { name: "recharts", pattern: /node_modules\/recharts\// },
  // client/router.tsx loads each page on first use; the landing page and the few lines of "not found" stay.
  { name: "a page other than the home page", pattern: /client\/routes\/(?!HomePage|NotFoundPage)\w+Page\.tsx$/ },
  { name: "admin features", pattern: /client\/features\/admin\/(?!AdminNavLink\.tsx$)/ },
  // shared/schemas and the client use zod/mini; one classic `import { z } from "zod"` brings back 56 kB of methods.
  { name: "zod's classic API", pattern: /node_modules\/zod\/v4\/classic\// },
];

const indexHtmlPath = path.join(clientDir, "index.html");
if (!existsSync(indexHtmlPath)) {
  console.error("No build to check: run `npm run build` first.");
  process.exit(1);
}
const indexHtml = readFileSync(indexHtmlPath, "utf8");
const initialFiles = [
  ...indexHtml.matchAll(/<script type="module"[^>]*\ssrc="\/([^"]+\.js)"/g),
  ...indexHtml.matchAll(/<link rel="modulepreload"[^>]*\shref="\/([^"]+\.js)"/g),
].flatMap((match) => (match[1] === undefined ? [] : [match[1]]));
if (initialFiles.length === 0) {
  console.error(`Found no entry script in ${indexHtmlPath}.`);
  process.exit(1);
}

const problems = [];
let totalRaw = 0;
let totalGzip = 0;
const say = (/** @type {string} */ line) => process.stdout.write(`${line}\n`);
const format = (/** @type {number} */ bytes) => `${(bytes / 1000).toFixed(1)} kB`;
say("Initial JavaScript of the home page:");
for (const file of initialFiles) {
  const code = readFileSync(path.join(clientDir, file));
  const gzipped = gzipSync(code).length;
  totalRaw += code.length;
  totalGzip += gzipped;
  say(`  ${file.padEnd(40)} ${format(code.length).padStart(10)}  ${format(gzipped).padStart(9)} gzipped`);
  const mapPath = path.join(clientDir, `${file}.map`);
  if (!existsSync(mapPath)) {
    problems.push(`${file} has no source map, so its contents cannot be checked`);
    continue;
  }
  /** @type {{ sources: string[] }} */
  const { sources } = JSON.parse(readFileSync(mapPath, "utf8"));
  for (const { name, pattern } of lazyOnly) {
    const found = sources.filter((source) => pattern.test(source));
    if (found.length > 0) problems.push(`${name} must be lazily loaded, but ${file} contains ${found[0]}`);
  }
}
say(`  ${"total".padEnd(40)} ${format(totalRaw).padStart(10)}  ${format(totalGzip).padStart(9)} gzipped`);
say(`  budget: ${format(BUDGET_BYTES)} gzipped`);
if (totalGzip > BUDGET_BYTES) {
  problems.push(`initial JavaScript is ${format(totalGzip)} gzipped, over the ${format(BUDGET_BYTES)} budget`);
}
if (problems.length > 0) {
  for (const problem of problems) console.error(`Bundle budget: ${problem}`);
  process.exit(1);
}
