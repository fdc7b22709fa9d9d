import { MutationObserver, QueryClient } from "@tanstack/react-query";
import { afterEach, describe, expect, it, vi } from "vitest";
import { finishChangesBeforeSignOut, sendBeforeSignOut } from "./beforeSignOut";
import { mutationKeys } from "./queryKeys";

function deferred() {
  let resolve: () => void = () => {};
  const promise = new Promise<void>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

/** Starts a mutation the way a component's `mutate` does; it finishes when `until` resolves. */
function startChange(queryClient: QueryClient, until: Promise<void>, mutationKey: readonly string[] = ["pick"]) {
  void new MutationObserver(queryClient, { mutationKey, mutationFn: () => until }).mutate().catch(() => {});
}

/** Like a category's settling pick: holds one change back, and sends it (once) when asked. */
function holdBack(queryClient: QueryClient, change: Promise<void>) {
  let waiting: Promise<void> | null = change;
  return {
    sendNow: () => {
      if (waiting) startChange(queryClient, waiting);
      waiting = null;
    },
    hold: (next: Promise<void>) => {
      waiting = next;
    },
    isHolding: () => waiting !== null,
  };
}

const settledYet = async (promise: Promise<void>) => {
  let settled = false;
  void promise.then(() => {
    settled = true;
  });
  await new Promise((resolve) => setTimeout(resolve, 0));
  return settled;
};

const unregister: (() => void)[] = [];
afterEach(() => {
  for (const stop of unregister.splice(0)) stop();
  vi.useRealTimers();
});

describe("finishChangesBeforeSignOut", () => {
  it("sends what is held back and waits until it has reached the server", async () => {
    const queryClient = new QueryClient();
    const pick = deferred();
    unregister.push(sendBeforeSignOut(holdBack(queryClient, pick.promise).sendNow));

    const finished = finishChangesBeforeSignOut(queryClient);

    expect(queryClient.isMutating()).toBe(1);
    expect(await settledYet(finished)).toBe(false);
    pick.resolve();
    await finished;
    expect(queryClient.isMutating()).toBe(0);
  });

  it("does not wait for the sign-out itself, and is done at once when nothing is in flight", async () => {
    const queryClient = new QueryClient();
    startChange(queryClient, new Promise(() => {}), mutationKeys.signOut());

    expect(await settledYet(finishChangesBeforeSignOut(queryClient))).toBe(true);
  });

  it("stops waiting for a change that cannot finish, so signing out still works", async () => {
    vi.useFakeTimers();
    const queryClient = new QueryClient();
    startChange(queryClient, new Promise(() => {}));

    let finished = false;
    void finishChangesBeforeSignOut(queryClient).then(() => {
      finished = true;
    });
    await vi.advanceTimersByTimeAsync(4_999);
    expect(finished).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(finished).toBe(true);
  });

  it("also sends a change held back while it waited", async () => {
    const queryClient = new QueryClient();
    const first = deferred();
    const second = deferred();
    const held = holdBack(queryClient, first.promise);
    unregister.push(sendBeforeSignOut(held.sendNow));

    const finished = finishChangesBeforeSignOut(queryClient);
    // A pick chosen while the first change is on its way.
    held.hold(second.promise);
    first.resolve();
    await vi.waitFor(() => expect(held.isHolding()).toBe(false));
    expect(queryClient.isMutating()).toBe(1);
    expect(await settledYet(finished)).toBe(false);
    second.resolve();
    await finished;
  });

  it("forgets a sender once it unregisters", async () => {
    const queryClient = new QueryClient();
    const send = vi.fn();
    sendBeforeSignOut(send)();

    await finishChangesBeforeSignOut(queryClient);

    expect(send).not.toHaveBeenCalled();
  });
});
