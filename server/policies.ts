/** "May this user do this": the one place admin access is decided. Admin rights come only from the CLI. */
import type { Request, RequestHandler } from "express";
import { forbidden } from "./errors.js";
import { requireUser } from "./middleware/session.js";
import type { UserRow } from "./repositories/userRepository.js";

/** The signed-in admin, or 401 for nobody signed in and 403 `forbidden` for everyone else. */
export function requireAdmin(req: Request): UserRow {
  const user = requireUser(req);
  if (user.is_admin !== 1) throw forbidden("Only an operator can do that.");
  return user;
}

/** Guards a whole router, so an admin endpoint cannot be added without the check. */
export const adminOnly: RequestHandler = (req, _res, next) => {
  requireAdmin(req);
  next();
};
