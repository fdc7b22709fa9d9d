/** `npm run backup -- <file>`: copies the live database (DB_PATH) to <file> while the server keeps running. */
import { existsSync } from "node:fs";
import path from "node:path";
import { loadConfig } from "../config.js";
import { backupDatabase } from "../db/backup.js";
import { runCli } from "./runCli.js";

runCli("npm run backup -- <file>", async ([target]) => {
  if (!target) throw new Error("name the file to write the backup to");
  const config = loadConfig();
  if (!existsSync(config.dbPath)) throw new Error(`no database at ${config.dbPath} (set DB_PATH)`);
  const file = path.resolve(target);
  if (existsSync(file)) throw new Error(`${file} already exists; choose a new file so no backup is overwritten`);
  const result = await backupDatabase(config.dbPath, file, (done, total) => {
    process.stderr.write(`\rbacking up: ${done}/${total} pages`);
  });
  process.stderr.write("\n");
  if (result.integrity !== "ok") throw new Error(`the backup failed its integrity check: ${result.integrity}`);
  return `Backed up ${config.dbPath} to ${file} (${result.pages} pages, integrity ok).`;
});
