/**
 * `npm run lighthouse`: starts the built server on a fresh seeded database in a temporary folder, runs Lighthouse
 * (its default mobile emulation and throttling) with the system's Chromium on the home page and a category page,
 * prints the four scores with FCP, LCP, TBT and CLS, and writes them with the machine's load average into
 * docs/performance.md between its `lighthouse:results` markers. It builds nothing: run `npm run build` first.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { chromiumArgs, findChromium, installHint } from "../scripts/chromium.mjs";
import { projectRoot } from "../server/paths.js";
import { writeResults } from "./resultsDoc.js";

const PAGES = ["/", "/seasons/2016-17/events/oscars-2017/best-picture"];
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const METRICS = [
  ["FCP", "first-contentful-paint"],
  ["LCP", "largest-contentful-paint"],
  ["TBT", "total-blocking-time"],
  ["CLS", "cumulative-layout-shift"],
] as const;
const serverEntry = path.join(projectRoot, "dist/server/server/main.js");
const resultsPage = path.join(projectRoot, "docs", "performance.md");
const markers = { start: "<!-- lighthouse:results:start -->", end: "<!-- lighthouse:results:end -->" };
const say = (line: string) => process.stdout.write(`${line}\n`);
const loadAverage = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(" / ");

/** The built server on its own database; resolves with its URL once it listens (seeding comes first). */
async function startServer(dbPath: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [serverEntry], {
    cwd: projectRoot,
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, NODE_ENV: "production", PORT: process.env.LIGHTHOUSE_PORT ?? "0", DB_PATH: dbPath },
  });
  let output = "";
  for await (const chunk of child.stdout ?? []) {
    output += String(chunk);
    const url = /"url":"(http:\/\/[^"]+)"/.exec(output)?.[1];
    if (url) {
      child.stdout?.resume();
      return { child, url };
    }
  }
  throw new Error(`the server exited before listening (${child.exitCode}):\n${output}`);
}

type PageResult = {
  page: string;
  scores: number[];
  metrics: string[];
  loadBefore: string;
  loadAfter: string;
  lighthouseVersion: string;
};

async function audit(url: string, port: number, page: string): Promise<PageResult> {
  const loadBefore = loadAverage();
  const result = await lighthouse(`${url}${page}`, { port, output: "json", logLevel: "error" });
  if (!result) throw new Error(`Lighthouse returned nothing for ${page}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`${page}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const scores = CATEGORIES.map((category) => Math.round((lhr.categories[category]?.score ?? 0) * 100));
  const metrics = METRICS.map(([, id]) => lhr.audits[id]?.displayValue ?? "?");
  // What kept a category from 100, so a miss says why without opening the report.
  for (const category of CATEGORIES) {
    for (const ref of lhr.categories[category]?.auditRefs ?? []) {
      const found = lhr.audits[ref.id];
      if (ref.weight > 0 && found && found.score !== null && found.score < 1) {
        say(`  ${page} ${category}: ${found.title} (${found.displayValue ?? Math.round(found.score * 100)})`);
        if (process.env.LIGHTHOUSE_DETAILS) say(String(JSON.stringify(found.details ?? null)).slice(0, 3000));
      }
    }
  }
  return { page, scores, metrics, loadBefore, loadAfter: loadAverage(), lighthouseVersion: lhr.lighthouseVersion };
}

function markdown(results: PageResult[], chromium: string): string {
  const header = ["page", "Performance", "Accessibility", "Best Practices", "SEO", ...METRICS.map(([name]) => name)];
  const rows = results.map((result) => [`\`${result.page}\``, ...result.scores, ...result.metrics]);
  const loads = results.map((result) => `\`${result.page}\` ${result.loadBefore} → ${result.loadAfter}`);
  return `Run ${new Date().toISOString()} with \`npm run lighthouse\` (Lighthouse ${results[0]?.lighthouseVersion}, default mobile
emulation and simulated throttling, ${chromium} headless) against the built server on a fresh seeded database, on
${cpus().length} × ${cpus()[0]?.model ?? "unknown"}. Load average (1 / 5 / 15 min) before → after each page:
${loads.join("; ")}.

| ${header.join(" | ")} |
| ${header.map(() => "---").join(" | ")} |
${rows.map((row) => `| ${row.join(" | ")} |`).join("\n")}
`;
}

async function main() {
  if (!existsSync(serverEntry)) throw new Error("the server is not built: run `npm run build` first");
  const chromePath = findChromium();
  if (!chromePath) throw new Error(installHint);
  const dir = mkdtempSync(path.join(tmpdir(), "frontrunner-lighthouse-"));
  const server = await startServer(path.join(dir, "lighthouse.db"));
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ["--headless=new", ...chromiumArgs] });
  try {
    const results: PageResult[] = [];
    for (const page of PAGES) {
      say(`Lighthouse on ${server.url}${page} (load average ${loadAverage()})`);
      results.push(await audit(server.url, chrome.port, page));
    }
    const version = await fetch(`http://127.0.0.1:${chrome.port}/json/version`).then(
      async (response) => ((await response.json()) as { Browser?: string }).Browser ?? "Chromium",
      () => "Chromium",
    );
    const text = markdown(results, version);
    writeResults(resultsPage, text, markers);
    say(`\n${text}\nWritten to docs/performance.md.`);
  } finally {
    chrome.kill();
    server.child.kill("SIGTERM");
    if (server.child.exitCode === null) await once(server.child, "exit");
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
