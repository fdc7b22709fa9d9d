/** Reads the environment into a typed, validated config; a bad value stops the server with a message naming it. */
import path from "node:path";
import { z } from "zod";
import { projectRoot } from "./paths.js";

const booleanFlag = z
  .enum(["on", "off", "true", "false", "1", "0"])
  .transform((value) => value === "on" || value === "true" || value === "1");

const positiveCount = z.coerce.number({ error: "must be a whole number" }).int().min(1).max(1_000_000);

/** Express's `trust proxy`: off, a hop count, or a comma-separated list of addresses/subnets. */
const trustProxySchema = z
  .string()
  .trim()
  .transform((value, ctx): boolean | number | string => {
    if (value === "" || value === "false" || value === "off") return false;
    if (value === "true") return true;
    if (/^\d+$/.test(value)) return Number(value);
    if (/^[0-9a-fA-F.:/,\s]+$/.test(value) || /^(loopback|linklocal|uniquelocal)(,|$)/.test(value)) return value;
    ctx.addIssue({ code: "custom", message: "must be false, true, a hop count, or a list of proxy addresses" });
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
});

export type Config = {
  env: "development" | "production" | "test";
  port: number;
  host: string;
  dbPath: string;
  logLevel: z.infer<typeof envSchema>["LOG_LEVEL"];
  trustProxy: boolean | number | string;
  seedOnStart: boolean;
  /** Seed the simulated 2016–17 crowd on first start, with this many fans (null when off). */
  demoCrowdSize: number | null;
  clientDir: string;
  /** Where the app is reached from outside, for absolute share links; else taken from each request. */
  publicUrl: string | undefined;
  rateLimits: {
    signupsPerIpPerHour: number;
    failedLoginsPerIpPer15Min: number;
    failedLoginsPerUsernamePerIpPer15Min: number;
    writesPerUserPerMinute: number;
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
  return {
    env: values.NODE_ENV,
    port: values.PORT,
    host: values.HOST,
    dbPath: path.resolve(projectRoot, values.DB_PATH),
    logLevel: values.LOG_LEVEL,
    trustProxy: values.TRUST_PROXY,
    seedOnStart: values.SEED_ON_START,
    demoCrowdSize: values.DEMO_CROWD ? values.DEMO_CROWD_SIZE : null,
    clientDir: path.join(projectRoot, "dist", "client"),
    publicUrl: values.PUBLIC_URL,
    rateLimits: {
      signupsPerIpPerHour: values.RATE_LIMIT_SIGNUPS_PER_IP_PER_HOUR,
      failedLoginsPerIpPer15Min: values.RATE_LIMIT_FAILED_LOGINS_PER_IP,
      failedLoginsPerUsernamePerIpPer15Min: values.RATE_LIMIT_FAILED_LOGINS_PER_USERNAME_PER_IP,
      writesPerUserPerMinute: values.RATE_LIMIT_WRITES_PER_USER_PER_MINUTE,
    },
  };
}
