// `npm start`: runs the built app, building it first when there is no build (a fresh checkout after `npm ci`).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const serverEntry = "dist/server/server/main.js";
if (!existsSync(serverEntry) || !existsSync("dist/client/index.html")) {
  console.warn("No build found: building the app first (npm run build)…");
  const build = spawnSync("npm", ["run", "build"], { stdio: "inherit", shell: process.platform === "win32" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
await import(new URL(`../${serverEntry}`, import.meta.url).href);
