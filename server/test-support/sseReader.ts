/** Reads a live stream the way a browser's EventSource does, for tests: frames parsed into messages as they arrive. */

export type StreamMessage = { id: string | undefined; event: string; data: string };

/** Parses complete SSE frames out of `buffer`; returns them and what is left (an incomplete frame). */
export function parseFrames(buffer: string): { messages: StreamMessage[]; rest: string; lastId: string | undefined } {
  const messages: StreamMessage[] = [];
  let lastId: string | undefined;
  const frames = buffer.split("\n\n");
  const rest = frames.pop() ?? "";
  for (const frame of frames) {
    let event = "message";
    const data: string[] = [];
    for (const line of frame.split("\n")) {
      if (line.startsWith(":")) continue;
      const colon = line.indexOf(":");
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? "" : line.slice(colon + 1).replace(/^ /, "");
      if (field === "id") lastId = value;
      else if (field === "event") event = value;
      else if (field === "data") data.push(value);
    }
    if (data.length > 0) messages.push({ id: lastId, event, data: data.join("\n") });
  }
  return { messages, rest, lastId };
}

export async function openStream(url: string, { lastEventId }: { lastEventId?: string } = {}) {
  const abort = new AbortController();
  const response = await fetch(`${url}/api/odds/stream`, {
    signal: abort.signal,
    headers: lastEventId === undefined ? {} : { "Last-Event-ID": lastEventId },
  });
  const body = response.body;
  if (!body) throw new Error("no body");
  const messages: StreamMessage[] = [];
  let raw = "";
  let lastId: string | undefined;
  let ended = false;
  const waiters = new Set<() => void>();
  const reading = (async () => {
    let buffer = "";
    try {
      for await (const chunk of body.pipeThrough(new TextDecoderStream())) {
        raw += chunk;
        const parsed = parseFrames(buffer + chunk);
        buffer = parsed.rest;
        lastId = parsed.lastId ?? lastId;
        messages.push(...parsed.messages);
        for (const wake of waiters) wake();
      }
    } catch {
      // aborted by close(), or cut off by the server
    }
    ended = true;
    for (const wake of waiters) wake();
  })();

  /** Resolves with the first message (from `from` on) that `match` accepts; rejects if the stream ends first. */
  function next(match: (message: StreamMessage) => boolean, from = 0): Promise<StreamMessage> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = messages.slice(from).find(match);
        if (found) {
          waiters.delete(check);
          resolve(found);
        } else if (ended) {
          waiters.delete(check);
          reject(new Error(`stream ended without the message; received: ${raw}`));
        }
      };
      waiters.add(check);
      check();
    });
  }

  return {
    response,
    messages,
    next,
    raw: () => raw,
    /** The id the browser would send as Last-Event-ID on reconnecting. */
    lastId: () => lastId,
    ended: () => ended,
    async close() {
      abort.abort();
      await reading;
    },
  };
}
