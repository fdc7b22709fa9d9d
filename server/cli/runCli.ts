/** The shared shell of every CLI: usage on bad arguments, one-line errors, exit codes a script can trust. */
import { ConfigError } from "../config.js";

export function runCli(usage: string, command: (args: string[]) => Promise<string> | string) {
  const args = process.argv.slice(2);
  if (args.includes("--help") || args.includes("-h")) {
    console.warn(`usage: ${usage}`);
    return;
  }
  Promise.resolve()
    .then(() => command(args))
    .then((message) => {
      process.stdout.write(`${message}\n`);
    })
    .catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      console.error(error instanceof ConfigError ? message : `error: ${message}\nusage: ${usage}`);
      process.exitCode = 1;
    });
}
