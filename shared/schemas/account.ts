/** A fan's own account: changing the password, signing out everywhere, deleting the account, exporting their data. */
import { z } from "zod/mini";
import { passwordSchema } from "./auth.js";

export const changePasswordSchema = z.strictObject({
  currentPassword: z.string({ error: "is required" }).check(z.minLength(1, "is required"), z.maxLength(200)),
  newPassword: passwordSchema,
});
export type ChangePasswordRequest = z.infer<typeof changePasswordSchema>;

/** Deleting an account is confirmed by typing its username, so a stray click or a forged form can't do it. */
export const deleteAccountSchema = z.strictObject({
  confirmUsername: z.string({ error: "is required" }).check(z.trim(), z.minLength(1, "is required"), z.maxLength(100)),
});
export type DeleteAccountRequest = z.infer<typeof deleteAccountSchema>;

const instant = z.string();

/** Everything Frontrunner keeps about a fan, as `GET /api/me/export` sends it. */
export const accountExportSchema = z.object({
  exportedAt: instant,
  user: z.object({ username: z.string(), createdAt: instant, isAdmin: z.boolean() }),
  picks: z.array(
    z.object({
      event: z.string(),
      category: z.string(),
      contender: z.string(),
      pickedAt: instant,
      /** The consensus probability of the contender when the fan picked it: what a correct pick scores from. */
      lockedInProbability: z.nullable(z.number()),
    }),
  ),
  pickHistory: z.array(
    z.object({ event: z.string(), category: z.string(), contender: z.nullable(z.string()), at: instant }),
  ),
  tiebreakers: z.array(z.object({ event: z.string(), question: z.string(), answer: z.number() })),
  pools: z.array(
    z.object({ name: z.string(), role: z.enum(["owner", "member"]), joinedAt: instant, showOnProfile: z.boolean() }),
  ),
  shareLinks: z.array(
    z.object({ event: z.string(), path: z.string(), createdAt: instant, revokedAt: z.nullable(instant) }),
  ),
});
export type AccountExport = z.infer<typeof accountExportSchema>;
