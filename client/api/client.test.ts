import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ApiError, api } from "./client";

/** Answers every request with `body` (JSON unless it is already a string) and `status`. */
function serverAnswers(status: number, body: unknown) {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  vi.stubGlobal("fetch", async () => new Response(text, { status, headers: { "Content-Type": "application/json" } }));
}

async function failureOf(request: Promise<unknown>): Promise<ApiError> {
  const error = await request.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("apiRequest errors", () => {
  it("keeps a known code, its message and details", async () => {
    const details = [{ path: "body.name", message: "Required" }];
    serverAnswers(400, { error: { code: "invalid_request", message: "Check the form.", details } });
    const error = await failureOf(api.get("/thing", z.object({})));
    expect([error.status, error.code, error.message, error.details]).toEqual([
      400,
      "invalid_request",
      "Check the form.",
      details,
    ]);
  });

  it("maps a code this build does not know to unexpected, keeping the server's message", async () => {
    serverAnswers(409, { error: { code: "ballot_sealed", message: "Ballots are sealed for the night." } });
    const error = await failureOf(api.post("/thing", z.object({})));
    expect([error.status, error.code, error.message]).toEqual([409, "unexpected", "Ballots are sealed for the night."]);
  });

  it("says which status came back when the body is not the error shape", async () => {
    serverAnswers(502, "<html>Bad gateway</html>");
    const error = await failureOf(api.get("/thing", z.object({})));
    expect([error.status, error.code, error.message]).toEqual([502, "unexpected", "The server answered 502."]);
  });

  it("reports a request that never reached the server as network", async () => {
    vi.stubGlobal("fetch", async () => {
      throw new TypeError("fetch failed");
    });
    const error = await failureOf(api.get("/thing", z.object({})));
    expect([error.status, error.code]).toEqual([0, "network"]);
  });
});
