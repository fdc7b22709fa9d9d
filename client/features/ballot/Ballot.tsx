/**
 * The fan's ballot for one ceremony: every category with its contenders. Signed in, picks save to the
 * server as they are made; signed out, they are kept as a draft on this device.
 */
import type { ReactNode } from "react";
import { lockableOfCategory } from "../../../shared/domain/lock";
import type { Category, EventDetail } from "../../../shared/schemas/events";
import { useMe } from "../../api/me";
import { useEvent } from "../../api/season";
import { type QueryLike, QueryState } from "../../components/QueryState";
import { useNow } from "../../components/useNow";
import { useBallotDraft } from "../../stores/ballotDraft";
import { useMyPicks } from "./api/myPicks";
import { pickErrorMessage } from "./api/pickErrorMessage";
import { useSettledPick } from "./api/settledPick";
import { BallotCategory } from "./BallotCategory";
import { BallotLede } from "./BallotLede";
import { BallotProgress } from "./BallotProgress";
import { ballotGroups, categoriesOnBallot } from "./ballotGroups";
import { lockStatus, tickIntervalFor } from "./lockStatus";
import { TiebreakerCard } from "./TiebreakerCard";

/**
 * What the page puts into the ballot from other features: the prompt a signed-out fan sees under the heading, and the
 * share panel a signed-in fan sees under the categories.
 */
type Slots = { signInPrompt: ReactNode; sharePanel: ReactNode };

/** Which ceremony's ballot, from the page's address, and where its leaderboard is. */
type Place = { eventSlug: string; leaderboardPath: string };

type BallotData = {
  ceremony: EventDetail;
  signedIn: boolean;
  chosen: ReadonlyMap<number, number>;
  /** Saved picks' locked-in odds by category (absent for drafts and not-yet-confirmed saves). */
  lockedIn: ReadonlyMap<number, number | null | undefined>;
};

export function Ballot({ eventSlug, leaderboardPath, ...slots }: Place & Slots) {
  const me = useMe();
  const event = useEvent(eventSlug);
  const signedIn = Boolean(me.data);
  const savedPicks = useMyPicks(signedIn);
  const draftPicks = useBallotDraft((state) => state.picks);
  const picks = signedIn ? savedPicks.data?.picks : draftPicks;

  // Saved picks count only while signed in: signing out leaves their query behind with a 401 in it.
  const savedPicksError = signedIn ? savedPicks.error : null;
  const query: QueryLike<BallotData> = {
    isPending: me.isPending || event.isPending || (signedIn && savedPicks.isPending),
    isError: me.isError || event.isError || savedPicksError !== null,
    error: me.error ?? event.error ?? savedPicksError,
    data:
      event.data && picks && !me.isPending
        ? {
            ceremony: event.data,
            signedIn,
            chosen: new Map(picks.map((pick) => [pick.categoryId, pick.contenderId])),
            lockedIn: new Map(
              signedIn ? (savedPicks.data?.picks ?? []).map((pick) => [pick.categoryId, pick.lockedInProbability]) : [],
            ),
          }
        : undefined,
    refetch: () => Promise.all([me.refetch(), event.refetch(), signedIn ? savedPicks.refetch() : undefined]),
  };

  return (
    <QueryState
      query={query}
      loadingLabel="Loading your ballot…"
      isEmpty={(data) => data.ceremony.categories.length === 0}
      empty="There are no categories to pick yet. Check back once the operator has loaded them."
    >
      {(data) => <BallotBody {...data} {...slots} leaderboardPath={leaderboardPath} />}
    </QueryState>
  );
}

function BallotBody({
  ceremony,
  signedIn,
  chosen,
  lockedIn,
  signInPrompt,
  sharePanel,
  leaderboardPath,
}: BallotData & Slots & Pick<Place, "leaderboardPath">) {
  const now = useNow((nowMs) => tickIntervalFor(ceremony.categories, nowMs));
  // A category that has not opened yet is not on the ballot: not shown, not counted.
  const categories = categoriesOnBallot(ceremony.categories, now);
  return (
    <>
      <header className="ballot-header">
        <p className="eyebrow">My ballot</p>
        <h1>{ceremony.name}</h1>
        <BallotLede
          ceremonyDate={ceremony.date}
          categories={categories}
          nowMs={now}
          leaderboardPath={leaderboardPath}
        />
        <BallotProgress categories={categories} picks={chosen} nowMs={now} />
      </header>
      {!signedIn && signInPrompt}
      {ballotGroups(categories).map((group) => (
        <section key={group.id} className="ballot-group" aria-labelledby={`ballot-group-${group.id}`}>
          <h2 id={`ballot-group-${group.id}`}>{group.title}</h2>
          <div className="ballot-grid">
            {group.categories.map((category) =>
              signedIn ? (
                <SavedCategory
                  key={category.id}
                  category={category}
                  chosen={chosen.get(category.id)}
                  lockedInProbability={lockedIn.get(category.id)}
                  nowMs={now}
                />
              ) : (
                <DraftCategory key={category.id} category={category} chosen={chosen.get(category.id)} nowMs={now} />
              ),
            )}
          </div>
        </section>
      ))}
      {signedIn && ceremony.tiebreakerQuestion && (
        <TiebreakerCard eventSlug={ceremony.slug} question={ceremony.tiebreakerQuestion} />
      )}
      {signedIn && sharePanel}
    </>
  );
}

type CategoryProps = { category: Category; chosen: number | undefined; nowMs: number };

function SavedCategory({
  category,
  chosen,
  nowMs,
  lockedInProbability,
}: CategoryProps & { lockedInProbability: number | null | undefined }) {
  const pick = useSettledPick(category.id, chosen ?? null, lockableOfCategory(category));
  return (
    <BallotCategory
      category={category}
      chosenContenderId={pick.contenderId}
      status={lockStatus(category, nowMs)}
      nowMs={nowMs}
      onChoose={pick.choose}
      saveState={pick.saveState}
      errorMessage={pick.error ? pickErrorMessage(pick.error, category.name) : undefined}
      // The odds locked in belong to the saved pick: not shown for a choice still waiting to be saved.
      lockedInProbability={pick.contenderId === (chosen ?? null) ? lockedInProbability : undefined}
    />
  );
}

function DraftCategory({ category, chosen, nowMs }: CategoryProps) {
  const choose = useBallotDraft((state) => state.choose);
  const clear = useBallotDraft((state) => state.clear);
  return (
    <BallotCategory
      category={category}
      chosenContenderId={chosen ?? null}
      status={lockStatus(category, nowMs)}
      nowMs={nowMs}
      onChoose={(contenderId) => (contenderId === null ? clear(category.id) : choose(category.id, contenderId))}
    />
  );
}
