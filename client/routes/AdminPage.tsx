/**
 * The operator's area for any season and any ceremony that takes picks (chosen in the address): season tools, each
 * category's controls, precursor results, import, and the audit log. Admins only.
 */

import { useMe } from "../api/me";
import { useFilms } from "../api/season";
import { QueryState } from "../components/QueryState";
import { usePageTitle } from "../components/usePageTitle";
import { AuditLog } from "../features/admin/AuditLog";
import { type AdminScope, useAdminChoice, useAdminScope } from "../features/admin/adminScope";
import { CategoryAdmin } from "../features/admin/CategoryAdmin";
import { ImportForm } from "../features/admin/ImportForm";
import { ResultsAdmin } from "../features/admin/ResultsAdmin";
import { ScopeChoice } from "../features/admin/ScopeChoice";
import { SeasonTools } from "../features/admin/SeasonTools";
import { SignInPrompt } from "../features/auth/SignInPrompt";

export function AdminPage() {
  usePageTitle("Admin");
  const me = useMe();
  return (
    <QueryState query={me} loadingLabel="Checking your access…">
      {(user) =>
        user?.isAdmin ? (
          <AdminArea />
        ) : !user ? (
          <SignInPrompt
            title="Admin"
            reason="This area is for the site's operators. Sign in with an operator's account to use it."
          />
        ) : (
          <div className="state state-empty">
            <h1>Admin</h1>
            <p>This area is for the site's operators. An operator grants access on the server.</p>
          </div>
        )
      }
    </QueryState>
  );
}

function AdminArea() {
  const scope = useAdminScope();
  const choice = useAdminChoice();
  const chosen = scope.data?.ceremony;
  return (
    <>
      <h1>Admin</h1>
      <ScopeChoice
        seasons={scope.seasons}
        seasonSlug={scope.seasonSlug}
        season={scope.season}
        eventSlug={chosen && !("problem" in chosen) ? chosen.slug : choice.event}
      />
      {scope.unknownSeason ? (
        <div className="state state-empty" role="alert">
          There is no season “{scope.seasonSlug}”. Choose one of the seasons above.
        </div>
      ) : (
        <QueryState query={scope} loadingLabel="Loading the season…">
          {(data) => <SeasonAdmin scope={data} />}
        </QueryState>
      )}
      <ImportForm />
      <AuditLog />
    </>
  );
}

/** The chosen ceremony's tools, its categories and the season's precursor results; a finished season says so first. */
function SeasonAdmin({ scope }: { scope: AdminScope }) {
  const { season, ceremony, closing, history } = scope;
  const films = useFilms(season.slug);
  return (
    <>
      {history && (
        <p className="notice admin-history" role="note">
          {season.name} is finished: every winner is announced, so it is read-only history. A winner or a tiebreaker
          answer can still be corrected; names, nominations, contenders and precursor results can no longer change.
        </p>
      )}
      {"problem" in ceremony ? (
        <div className="state state-empty">{ceremony.problem}</div>
      ) : (
        <>
          <SeasonTools seasonSlug={season.slug} eventSlug={ceremony.slug} eventName={ceremony.name} history={history} />
          <section aria-labelledby="admin-categories-heading">
            <h2 id="admin-categories-heading">{ceremony.name}: categories</h2>
            {ceremony.categories.length === 0 ? (
              <div className="state state-empty">No categories yet: import a season file.</div>
            ) : (
              ceremony.categories.map((category) => (
                <CategoryAdmin
                  key={category.id}
                  eventSlug={ceremony.slug}
                  category={category}
                  films={films.data?.films ?? []}
                  history={history}
                />
              ))
            )}
          </section>
        </>
      )}
      <ResultsAdmin
        season={season.slug}
        precursors={season.events.filter((event) => event.kind === "precursor")}
        closingName={closing?.name}
        categories={closing?.categories ?? []}
        history={history}
      />
    </>
  );
}
