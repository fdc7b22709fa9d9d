/** Reads the environment into a typed, validated config; a bad value stops the server with a message naming it. */
import { isIP } from "node:net";
import { availableParallelism } from "node:os";
import path from "node:path";
import { z } from "zod";
import { projectRoot } from "./paths.js";

const booleanFlag = z
  .enum(["on", "off", "true", "false", "1", "0"])
  .transform((value) => value === "on" || value === "true" || value === "1");

const positiveCount = z.coerce.number({ error: "must be a whole number" }).int().min(1).max(1_000_000);

/** A proxy named by address or subnet (`10.0.0.0/8`, `10.0.0.0/255.0.0.0`), or one of Express's named ranges. */
const namedRanges = new Set(["loopback", "linklocal", "uniquelocal"]);
function isProxyAddress(entry: string): boolean {
  if (namedRanges.has(entry)) return true;
  const [address = "", mask, ...rest] = entry.split("/");
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (mask === undefined) return true;
  if (isIP(mask) !== 0) return isIP(mask) === version;
  return /^\d{1,3}$/.test(mask) && Number(mask) <= (version === 4 ? 32 : 128);
}
/** `/0` or a zero netmask: every address there is, which trusts any client as `true` would. */
const trustsEveryone = (entry: string) => /\/0+$/.test(entry) || /\/(0+\.){3}0+$/.test(entry) || /\/::$/.test(entry);

const trustEveryoneMessage =
  "true (or a /0 subnet) would let any client choose its own address by sending X-Forwarded-For, escaping every " +
  "per-address limit; set the hop count of proxies in front of the app (e.g. 1) or their addresses or subnets " +
  "(e.g. loopback, 10.0.0.0/8)";

/**
 * Express's `trust proxy`: off, a hop count, or a comma-separated list of proxy addresses/subnets. Not `true`: it
 * trusts every hop of X-Forwarded-For, so whoever reaches the port directly picks their own `req.ip`.
 */
const trustProxySchema = z
  .string()
  .trim()
  .transform((value, ctx): false | number | string => {
    if (value === "" || value === "false" || value === "off") return false;
    if (/^\d+$/.test(value)) return Number(value);
    const entries = value.split(",").map((entry) => entry.trim());
    if (value.toLowerCase() === "true" || entries.some(trustsEveryone)) {
      ctx.addIssue({ code: "custom", message: trustEveryoneMessage });
      return z.NEVER;
    }
    if (entries.every(isProxyAddress)) return entries.join(", ");
    ctx.addIssue({ code: "custom", message: "must be false, a hop count, or a list of proxy addresses or subnets" });
    return z.NEVER;
  });

/** The most server processes WORKERS may ask for: beyond this one SQLite writer is the limit long before CPUs are. */
const MAX_WORKERS = 64;

/** `WORKERS`: a count of server processes, or `auto` for one per core. */
const workersSchema = z
  .string()
  .trim()
  .transform((value, ctx) => {
    if (value.toLowerCase() === "auto") return availableParallelism();
    if (/^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= MAX_WORKERS) return Number(value);
    ctx.addIssue({
      code: "custom",
      message: `must be a whole number of server processes from 1 to ${MAX_WORKERS}, or auto (one per core)`,
    });
    return z.NEVER;
  });

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: z.coerce
    .number({ error: "must be a port number from 0 to 65535" })
    .int()
    .min(0, "must be a port number from 0 to 65535")
    .max(65535, "must be a port number from 0 to 65535")
    .default(3000),
  HOST: z.string().trim().min(1).default("127.0.0.1"),
  DB_PATH: z
    .string()
    .trim()
    .min(1)
    .default(path.join(projectRoot, "data", "frontrunner.db")),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  TRUST_PROXY: trustProxySchema.default(false),
  SEED_ON_START: booleanFlag.default(true),
  DEMO_CROWD: booleanFlag.default(true),
  DEMO_CROWD_SIZE: positiveCount.max(20_000).default(3000),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL like https://frontrunner.example" })
    .transform((url) => url.replace(/\/+$/, ""))
    .optional(),
  REQUEST_TIMEOUT_SECONDS: positiveCount.max(600).default(30),
  SOURCE_MAPS: z.enum(["private", "public"]).default("private"),
  RATE_LIMIT_SIGNUPS_PER_IP_PER_HOUR: positiveCount.default(30),
  RATE_LIMIT_FAILED_LOGINS_PER_IP: positiveCount.default(100),
  RATE_LIMIT_FAILED_LOGINS_PER_USERNAME_PER_IP: positiveCount.default(10),
  // Counted per username alone, anyone could lock any fan out; a deployment still setting the old name must hear so.
  RATE_LIMIT_FAILED_LOGINS_PER_USERNAME: z
    .undefined({
      error: "is now RATE_LIMIT_FAILED_LOGINS_PER_USERNAME_PER_IP: failures count per username from one address",
    })
    .optional(),
  RATE_LIMIT_WRITES_PER_USER_PER_MINUTE: positiveCount.default(120),
  RATE_LIMIT_INVITE_PREVIEWS_PER_IP_PER_HOUR: positiveCount.default(120),
  WORKERS: workersSchema.default(1),
  LITEFS_DIR: z.string().trim().min(1).optional(),
  PRIMARY_URL: z
    .url({ protocol: /^https?$/, error: "must be the primary's http(s) URL like http://10.0.0.1:3000" })
    .transform((url) => url.replace(/\/+$/, ""))
    .optional(),
  REPLICA_WAIT_TIMEOUT_MS: positiveCount.min(10).max(60_000).default(5000),
});

export type Config = {
  env: "development" | "production" | "test";
  port: number;
  host: string;
  dbPath: string;
  logLevel: z.infer<typeof envSchema>["LOG_LEVEL"];
  trustProxy: false | number | string;
  seedOnStart: boolean;
  /** Seed the simulated 2016–17 crowd on first start, with this many fans (null when off). */
  demoCrowdSize: number | null;
  clientDir: string;
  /** Where the app is reached from outside, for absolute share links; else taken from each request. */
  publicUrl: string | undefined;
  /** Serve the client's source maps (`SOURCE_MAPS=public`); by default they are built but answered 404. */
  publicSourceMaps: boolean;
  /** The longest a client may take to send a whole request, headers and body (see server/httpServer.ts). */
  requestTimeoutMs: number;
  /** Server processes sharing the port and the database file (server/cluster.ts); 1 runs no cluster. */
  workers: number;
  /** LiteFS and replica mode (server/replica/forwarding.ts, docs/deploy.md). */
  replication: {
    /** LiteFS's mount: its `.primary` file says this node is a replica; undefined without LiteFS. */
    litefsDir: string | undefined;
    /** LiteFS's position file of the database (`<DB_PATH>-pos`), under LITEFS_DIR only. */
    positionFile: string | undefined;
    /** Where a replica forwards writes; under LiteFS, else the host named in `.primary` on this PORT. */
    primaryUrl: string | undefined;
    /** The longest a read on a replica waits for the fan's own write to arrive before it is served anyway. */
    waitTimeoutMs: number;
  };
  rateLimits: {
    signupsPerIpPerHour: number;
    failedLoginsPerIpPer15Min: number;
    failedLoginsPerUsernamePerIpPer15Min: number;
    writesPerUserPerMinute: number;
    invitePreviewsPerIpPerHour: number;
  };
};

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new ConfigError(`Invalid configuration in the environment:\n${problems}`);
  }
  const values = parsed.data;
  const dbPath = path.resolve(projectRoot, values.DB_PATH);
  const litefsDir = values.LITEFS_DIR === undefined ? undefined : path.resolve(projectRoot, values.LITEFS_DIR);
  // LiteFS serves databases at the top of its mount, and writes `.primary` and `<db>-pos` there.
  if (litefsDir !== undefined && path.dirname(dbPath) !== litefsDir) {
    throw new ConfigError(
      `Invalid configuration in the environment:\n  DB_PATH: must be a file directly in LITEFS_DIR (${litefsDir}), e.g. ${path.join(litefsDir, "frontrunner.db")}`,
    );
  }
  return {
    env: values.NODE_ENV,
    port: values.PORT,
    host: values.HOST,
    dbPath,
    logLevel: values.LOG_LEVEL,
    trustProxy: values.TRUST_PROXY,
    seedOnStart: values.SEED_ON_START,
    demoCrowdSize: values.DEMO_CROWD ? values.DEMO_CROWD_SIZE : null,
    clientDir: path.join(projectRoot, "dist", "client"),
    publicUrl: values.PUBLIC_URL,
    requestTimeoutMs: values.REQUEST_TIMEOUT_SECONDS * 1000,
    publicSourceMaps: values.SOURCE_MAPS === "public",
    workers: values.WORKERS,
    replication: {
      litefsDir,
      positionFile: litefsDir === undefined ? undefined : `${dbPath}-pos`,
      primaryUrl: values.PRIMARY_URL,
      waitTimeoutMs: values.REPLICA_WAIT_TIMEOUT_MS,
    },
    rateLimits: {
      signupsPerIpPerHour: values.RATE_LIMIT_SIGNUPS_PER_IP_PER_HOUR,
      failedLoginsPerIpPer15Min: values.RATE_LIMIT_FAILED_LOGINS_PER_IP,
      failedLoginsPerUsernamePerIpPer15Min: values.RATE_LIMIT_FAILED_LOGINS_PER_USERNAME_PER_IP,
      writesPerUserPerMinute: values.RATE_LIMIT_WRITES_PER_USER_PER_MINUTE,
      invitePreviewsPerIpPerHour: values.RATE_LIMIT_INVITE_PREVIEWS_PER_IP_PER_HOUR,
    },
  };
}
