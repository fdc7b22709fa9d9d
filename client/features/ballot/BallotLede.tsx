/** The line under the ballot's title: how picking works while categories are open, where to look once all are locked. */
import { Link } from "react-router-dom";
import type { Category } from "../../../shared/schemas/events";
import { formatDay } from "../../components/format";
import { isLocked, lockStatus } from "./lockStatus";

type Props = {
  ceremonyDate: string;
  categories: readonly Category[];
  nowMs: number;
  /** The ceremony's leaderboard, where a locked ballot sends the fan. */
  leaderboardPath: string;
};

export function BallotLede({ ceremonyDate, categories, nowMs, leaderboardPath }: Props) {
  const ceremony = (
    <>
      Ceremony <time dateTime={ceremonyDate}>{formatDay(ceremonyDate)}</time>.
    </>
  );
  const allLocked = categories.length > 0 && categories.every((category) => isLocked(lockStatus(category, nowMs)));
  if (allLocked) {
    return (
      <p className="lede">
        {ceremony} The ballot is locked: every category has closed, so picks can no longer change. Winners are marked
        below as they are announced; see where everyone stands on the <Link to={leaderboardPath}>leaderboard</Link>.
      </p>
    );
  }
  return (
    <p className="lede">{ceremony} Pick one contender per category; you can change a pick until its category locks.</p>
  );
}
