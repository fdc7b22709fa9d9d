import { describe, expect, it } from "vitest";
import { createSseReader, type SseMessage } from "./sse.js";

function read(chunks: string[]): SseMessage[] {
  const messages: SseMessage[] = [];
  const reader = createSseReader((message) => messages.push(message));
  for (const chunk of chunks) reader.push(chunk);
  return messages;
}

describe("createSseReader", () => {
  it("reads the messages of a stream cut into chunks anywhere", () => {
    const stream =
      'retry: 5000\n\nid: e-0\n\nid: e-1\nevent: odds\ndata: {"categories":[]}\n\n: heartbeat\n\nid: e-2\nevent: winner\ndata: {}\n\n';
    const expected = [
      { id: "e-1", event: "odds", data: '{"categories":[]}' },
      { id: "e-2", event: "winner", data: "{}" },
    ];
    expect(read([stream])).toEqual(expected);
    expect(read(stream.split(""))).toEqual(expected);
    expect(read([stream.slice(0, 40), stream.slice(40, 41), stream.slice(41)])).toEqual(expected);
  });

  it("keeps the last id for a message that names none, and joins data lines", () => {
    expect(read(["id: e-7\n\ndata: a\ndata: b\n\n"])).toEqual([{ id: "e-7", event: "message", data: "a\nb" }]);
  });

  it("holds back a message until its blank line arrives", () => {
    expect(read(["id: e-1\nevent: odds\ndata: {}\n"])).toEqual([]);
  });
});
