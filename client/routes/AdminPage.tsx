/** The operator's area: season tools, each category's controls, precursor results, import, and the audit log. Admins only. */

import { useMe } from "../api/me";
import { useEvent, useFilms, usePageCeremony } from "../api/season";
import { QueryState } from "../components/QueryState";
import { usePageTitle } from "../components/usePageTitle";
import { AuditLog } from "../features/admin/AuditLog";
import { CategoryAdmin } from "../features/admin/CategoryAdmin";
import { ImportForm } from "../features/admin/ImportForm";
import { ResultsAdmin } from "../features/admin/ResultsAdmin";
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
  const event = useEvent(usePageCeremony());
  const films = useFilms();
  return (
    <>
      <h1>Admin</h1>
      <QueryState query={event} loadingLabel="Loading the ceremony…">
        {(ceremony) => (
          <>
            <SeasonTools eventSlug={ceremony.slug} eventName={ceremony.name} />
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
                  />
                ))
              )}
            </section>
            <ResultsAdmin categories={ceremony.categories} />
          </>
        )}
      </QueryState>
      <ImportForm />
      <AuditLog />
    </>
  );
}
