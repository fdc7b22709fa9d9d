/** `npm run admin -- grant|revoke <username>`: the only way to make someone an admin. */
import { CommandError, runCommand } from "./context.js";

const usage = "usage: npm run admin -- grant <username> | revoke <username>";

runCommand((services, actor) => {
  const [command, username, ...rest] = process.argv.slice(2);
  if ((command !== "grant" && command !== "revoke") || !username || rest.length > 0) throw new CommandError(usage);
  const user = services.admin.setAdmin(actor, username, command === "grant");
  process.stdout.write(`${user.username} is ${user.is_admin ? "now an admin" : "no longer an admin"}.\n`);
});
