/** Where a leaderboard page is ("Showing 26–50 of 1,204 fans") and the buttons to the pages either side. */
import { Button } from "../../components/Button";
import { PAGE_SIZE } from "./api";

type Props = {
  offset: number;
  shown: number;
  total: number;
  onOffset: (offset: number) => void;
  /** Said before the count, e.g. "3 categories decided. " */
  prefix?: string;
};

export function LeaderboardCount({ offset, shown, total, prefix = "" }: Omit<Props, "onOffset">) {
  return (
    <p className="muted" aria-live="polite">
      {prefix}
      Showing {offset + 1}–{Math.min(offset + shown, total)} of {total.toLocaleString()} fans.
    </p>
  );
}

export function LeaderboardPager({ offset, total, onOffset }: Pick<Props, "offset" | "total" | "onOffset">) {
  return (
    <nav className="pager" aria-label="Leaderboard pages">
      <Button
        type="button"
        className="button secondary"
        unavailable={offset === 0}
        onClick={() => onOffset(Math.max(0, offset - PAGE_SIZE))}
      >
        Previous page
      </Button>
      <Button
        type="button"
        className="button secondary"
        unavailable={offset + PAGE_SIZE >= total}
        onClick={() => onOffset(offset + PAGE_SIZE)}
      >
        Next page
      </Button>
    </nav>
  );
}
