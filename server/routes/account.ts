/** A fan's own account: change password, sign out everywhere, delete the account, export their data. */
import type { Router } from "express";
import { changePasswordSchema, deleteAccountSchema } from "../../shared/schemas/account.js";
import { clearSessionCookie, requireUser } from "../middleware/session.js";
import { parseBody } from "../middleware/validate.js";
import { presentAccountExport } from "../presenters/account.js";
import type { Services } from "../services/index.js";

export function accountRoutes(router: Router, services: Services): void {
  router.post("/me/password", async (req, res) => {
    const user = requireUser(req);
    const request = parseBody(req, changePasswordSchema);
    // requireUser passed, so the request came with the session cookie that named this user.
    await services.auth.changePassword(user, req.sessionToken ?? "", request);
    res.status(204).end();
  });

  router.delete("/me/sessions", (req, res) => {
    const user = requireUser(req);
    services.auth.signOutEverywhere(user.id);
    clearSessionCookie(req, res);
    res.status(204).end();
  });

  // POST, not DELETE with a body: some proxies drop a DELETE's body, and the typed confirmation must arrive.
  router.post("/me/delete", (req, res) => {
    const user = requireUser(req);
    services.account.deleteAccount(user, parseBody(req, deleteAccountSchema));
    clearSessionCookie(req, res);
    res.status(204).end();
  });

  router.get("/me/export", (req, res) => {
    const user = requireUser(req);
    const body = presentAccountExport(services.account.exportData(user));
    res.setHeader("Cache-Control", "private, no-store");
    res.attachment(`frontrunner-${user.username}.json`);
    res.json(body);
  });
}
