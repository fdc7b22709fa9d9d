/** Grants or revokes a user's admin rights through the auth service, audited when the rights change. */
import type { UserRow } from "../../repositories/userRepository.js";
import type { Actor, AdminContext } from "./context.js";

export function createSetAdmin({ db, auth, users, audit }: AdminContext) {
  return db.transaction((actor: Actor, username: string, isAdmin: boolean): UserRow => {
    const wasAdmin = users.findByUsername(username)?.is_admin === 1;
    const user = auth.setAdmin(username, isAdmin);
    if (wasAdmin !== isAdmin) {
      const action = isAdmin ? "user.admin.grant" : "user.admin.revoke";
      audit(actor, action, `user:${user.username} (${user.id})`, { isAdmin: wasAdmin }, { isAdmin });
    }
    return user;
  });
}
