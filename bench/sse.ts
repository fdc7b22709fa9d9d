/**
 * A server-sent events reader for the benchmark's light stream clients: takes the stream's text as it arrives, in
 * chunks cut anywhere, and hands over each complete message (comments and data-less frames are not messages, as in
 * an EventSource).
 */
export type SseMessage = { id: string | undefined; event: string; data: string };

export function createSseReader(onMessage: (message: SseMessage) => void) {
  let pending = "";
  let lastId: string | undefined;

  function dispatch(frame: string) {
    let event = "message";
    const data: string[] = [];
    for (const line of frame.split("\n")) {
      if (line === "" || line.startsWith(":")) continue;
      const colon = line.indexOf(":");
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
      if (field === "id") lastId = value;
      else if (field === "event") event = value;
      else if (field === "data") data.push(value);
    }
    if (data.length > 0) onMessage({ id: lastId, event, data: data.join("\n") });
  }

  return {
    /** Text as it came off the socket (our server sends `\n` line ends only). */
    push(chunk: string) {
      pending += chunk;
      let end = pending.indexOf("\n\n");
      while (end >= 0) {
        dispatch(pending.slice(0, end));
        pending = pending.slice(end + 2);
        end = pending.indexOf("\n\n");
      }
    },
  };
}
