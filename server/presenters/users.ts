/** User rows → the API user: never the password hash, never the demo flag's internals. */
import type { User } from "../../shared/schemas/auth.js";
import type { UserRow } from "../repositories/userRepository.js";

export const presentUser = (row: UserRow): User => ({
  id: row.id,
  username: row.username,
  isAdmin: row.is_admin === 1,
});
