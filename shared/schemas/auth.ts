/** Sign-up, sign-in and the signed-in user. */
import { z } from "zod/mini";
import { idSchema } from "./common.js";

export const usernameSchema = z
  .string({ error: "is required" })
  .check(
    z.trim(),
    z.minLength(3, "must be at least 3 characters"),
    z.maxLength(24, "must be at most 24 characters"),
    z.regex(/^[A-Za-z0-9_-]+$/, "may use only letters, digits, _ and -"),
  );

// The upper bound keeps a megabyte "password" from costing a megabyte of scrypt work.
export const passwordSchema = z
  .string({ error: "is required" })
  .check(z.minLength(8, "must be at least 8 characters"), z.maxLength(200, "must be at most 200 characters"));

export const credentialsSchema = z.strictObject({ username: usernameSchema, password: passwordSchema });
export type Credentials = z.infer<typeof credentialsSchema>;

export const userSchema = z.object({ id: idSchema, username: z.string(), isAdmin: z.boolean() });
export type User = z.infer<typeof userSchema>;

export const userResponseSchema = z.object({ user: userSchema });
export type UserResponse = z.infer<typeof userResponseSchema>;

/** Who is signed in: `null` for nobody, an answer rather than an error, so a signed-out page load fails nothing. */
export const meResponseSchema = z.object({ user: z.nullable(userSchema) });
export type MeResponse = z.infer<typeof meResponseSchema>;
