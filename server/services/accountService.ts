/** A fan's own account as a whole: deleting it (what goes, what stays, in one transaction) and exporting its data. */
import { isCategoryLocked, lockableOfRow } from "../../shared/domain/lock.js";
import type { DeleteAccountRequest } from "../../shared/schemas/account.js";
import type { Clock } from "../clock.js";
import type { Db } from "../db/connection.js";
import { invalidRequest } from "../errors.js";
import type { AccountRepository } from "../repositories/accountRepository.js";
import type { PickRepository } from "../repositories/pickRepository.js";
import type { SeasonRepository } from "../repositories/seasonRepository.js";
import { type UserRow, usernameKey } from "../repositories/userRepository.js";
import type { AuthService } from "./authService.js";
import type { PicksService } from "./picksService.js";

type AccountServiceDeps = {
  db: Db;
  accounts: AccountRepository;
  auth: AuthService;
  picks: PicksService;
  pickRows: PickRepository;
  seasons: SeasonRepository;
  clock: Clock;
};

export function createAccountService({ db, accounts, auth, picks, pickRows, seasons, clock }: AccountServiceDeps) {
  const deletedListeners: (() => void)[] = [];

  /**
   * Deleting an account: the fan's sessions, pool memberships and share links go, pools they own pass to their
   * longest-standing member, and the row that remains is anonymous. Picks in categories still open are cleared the
   * way a fan clears one, so they leave the live consensus from now on while the odds history up to now stays as it
   * was; picks already locked or decided stay, so every leaderboard and every other fan's score stays as it was.
   */
  const deleteAccount = db.transaction((user: UserRow, { confirmUsername }: DeleteAccountRequest) => {
    if (usernameKey(confirmUsername) !== usernameKey(user.username)) {
      throw invalidRequest([{ path: "body.confirmUsername", message: "doesn't match your username" }]);
    }
    const now = clock.now().getTime();
    for (const pick of pickRows.listForUser(user.id)) {
      const category = seasons.findCategory(pick.category_id);
      if (category && !isCategoryLocked(lockableOfRow(category), now)) picks.clearPick(user.id, category.id, now);
    }
    accounts.handOverOwnedPools(user.id);
    accounts.deleteMemberships(user.id);
    accounts.deleteShareLinks(user.id);
    auth.signOutEverywhere(user.id);
    accounts.anonymize(user.id, now);
  });

  return {
    deleteAccount(user: UserRow, request: DeleteAccountRequest) {
      deleteAccount(user, request);
      // The name can sit in any cached answer (leaderboards, pools, shared ballots).
      for (const listener of deletedListeners) listener();
    },
    onDeleted(listener: () => void) {
      deletedListeners.push(listener);
    },
    /** Everything kept about the fan, read in one transaction so the parts agree with each other. */
    exportData: db.transaction((user: UserRow) => ({
      user,
      picks: accounts.picks(user.id),
      pickHistory: accounts.pickEvents(user.id),
      tiebreakers: accounts.tiebreakers(user.id),
      pools: accounts.pools(user.id),
      shareLinks: accounts.shareLinks(user.id),
      exportedAt: clock.now().getTime(),
    })),
  };
}

export type AccountService = ReturnType<typeof createAccountService>;
export type AccountData = ReturnType<AccountService["exportData"]>;
