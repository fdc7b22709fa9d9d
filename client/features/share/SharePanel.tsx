/** Share my ballot: a read-only link to copy or send, which the owner can turn off or replace. */
import { useState } from "react";
import { Button } from "../../components/Button";
import { ErrorMessage } from "../../components/QueryState";
import { useCreateShareLink, useMyShareLink, useRevokeShareLink } from "./api";

type Notice = { text: string; tone: "ok" | "error" } | undefined;

export function SharePanel({ eventSlug }: { eventSlug: string }) {
  const link = useMyShareLink(eventSlug);
  const create = useCreateShareLink(eventSlug);
  const revoke = useRevokeShareLink();
  const [notice, setNotice] = useState<Notice>();
  const url = link.data?.url;
  const busy = create.isPending || revoke.isPending;

  async function copy(text: string) {
    try {
      await navigator.clipboard.writeText(text);
      setNotice({ text: "Link copied. Paste it anywhere.", tone: "ok" });
    } catch {
      setNotice({ text: "Couldn't copy automatically: select the link and copy it.", tone: "error" });
    }
  }

  async function shareSheet(text: string) {
    try {
      await navigator.share({ title: "My Oscar ballot on Frontrunner", url: text });
    } catch (error) {
      // Closing the share sheet is a choice, not a failure.
      if (!(error instanceof DOMException && error.name === "AbortError")) {
        setNotice({ text: "Sharing didn't work here: copy the link instead.", tone: "error" });
      }
    }
  }

  async function replace(slug: string) {
    setNotice(undefined);
    await revoke.mutateAsync(slug);
    await create.mutateAsync();
    setNotice({ text: "New link made. The old one no longer works.", tone: "ok" });
  }

  return (
    <section className="card share-panel" aria-labelledby="share-heading">
      <h2 id="share-heading">Share your ballot</h2>
      {!url ? (
        <>
          <p className="muted">
            Get a link anyone can open to see your picks, read-only. You can turn it off any time.
          </p>
          <Button type="button" className="button" unavailable={busy || link.isPending} onClick={() => create.mutate()}>
            {create.isPending ? "Making link…" : "Share"}
          </Button>
        </>
      ) : (
        <>
          <label className="field share-link-field">
            <span>Your ballot's link</span>
            <input readOnly value={url} onFocus={(event) => event.target.select()} />
          </label>
          <div className="button-row">
            <button type="button" className="button" onClick={() => void copy(url)}>
              Copy link
            </button>
            {typeof navigator.share === "function" && (
              <button type="button" className="button secondary" onClick={() => void shareSheet(url)}>
                Share…
              </button>
            )}
            <Button
              type="button"
              className="button secondary"
              unavailable={busy}
              onClick={() => link.data && void replace(link.data.slug)}
            >
              Make a new link
            </Button>
            <Button
              type="button"
              className="button secondary"
              unavailable={busy}
              onClick={() =>
                link.data &&
                revoke.mutate(link.data.slug, {
                  onSuccess: () => setNotice({ text: "Link turned off. It no longer opens your ballot.", tone: "ok" }),
                })
              }
            >
              Turn off link
            </Button>
          </div>
        </>
      )}
      <p className={notice?.tone === "error" ? "field-error" : "share-notice"} role="status" aria-live="polite">
        {notice?.text}
      </p>
      {(create.error ?? revoke.error) && <ErrorMessage error={create.error ?? revoke.error} />}
    </section>
  );
}
