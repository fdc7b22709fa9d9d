// `npm start`: runs the built app, building it first when there is no build (a fresh checkout after `npm ci`) or when
// a source file changed since the last build (after a `git pull`, say), so the app that starts is the code checked out.
import { spawnSync } from "node:child_process";
import { buildOutputs, whyBuild } from "./buildFreshness.mjs";

const reason = whyBuild(process.cwd());
if (reason !== null) {
  console.warn(`${reason}: building the app first (npm run build)…`);
  const build = spawnSync("npm", ["run", "build"], { stdio: "inherit", shell: process.platform === "win32" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
await import(new URL(`../${buildOutputs[0]}`, import.meta.url).href);
