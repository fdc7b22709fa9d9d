/** The audit log: every operator action, newest first, with the state before and after. */
import { QueryState } from "../../components/QueryState";
import { useAuditLog } from "./api";

const formatInstant = (iso: string) =>
  new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));

const formatState = (value: unknown) => (value === null ? "—" : JSON.stringify(value, null, 1));

export function AuditLog() {
  const audit = useAuditLog();
  return (
    <section className="card admin-panel" aria-labelledby="audit-heading">
      <h2 id="audit-heading">Audit log</h2>
      <QueryState
        query={audit}
        loadingLabel="Loading the audit log…"
        isEmpty={(data) => data.entries.length === 0}
        empty="No operator actions yet."
      >
        {({ entries }) => (
          <ol className="audit-list" aria-label="Operator actions, newest first">
            {entries.map((entry) => (
              <li key={entry.id} className="audit-entry">
                <p className="audit-head">
                  <time dateTime={entry.at}>{formatInstant(entry.at)}</time> · <strong>{entry.actor}</strong> ·{" "}
                  <code>{entry.action}</code> · {entry.target}
                </p>
                <dl className="audit-states">
                  <dt>Before</dt>
                  <dd>
                    <pre>{formatState(entry.before)}</pre>
                  </dd>
                  <dt>After</dt>
                  <dd>
                    <pre>{formatState(entry.after)}</pre>
                  </dd>
                </dl>
              </li>
            ))}
          </ol>
        )}
      </QueryState>
    </section>
  );
}
