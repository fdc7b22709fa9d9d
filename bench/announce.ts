/**
 * The operator's winner announcement for the fan-out benchmark, in a process of its own as the operator's would be:
 * `announce.ts <db file> <category id> <contender id>` announces through the admin service (the winner, the
 * re-score and the change log in one transaction) and prints, as JSON, the wall-clock ms at which it was committed.
 */
import { systemClock } from "../server/clock.js";
import { openDatabase } from "../server/db/connection.js";
import { createServices } from "../server/services/index.js";

const [dbPath, categoryId, contenderId] = process.argv.slice(2);
if (!dbPath || !categoryId || !contenderId) throw new Error("usage: announce.ts DB_FILE CATEGORY_ID CONTENDER_ID");
const db = openDatabase(dbPath);
const services = createServices(db, systemClock);
const startedAt = performance.timeOrigin + performance.now();
services.admin.setWinner({ userId: null, name: "benchmark" }, Number(categoryId), Number(contenderId));
const committedAt = performance.timeOrigin + performance.now();
db.close();
// The services keep timers of their own that would hold the process open: it exits once its one line is out.
process.stdout.write(`${JSON.stringify({ startedAt, committedAt })}\n`, () => process.exit(0));
