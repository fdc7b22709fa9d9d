/** Consensus odds: a category's current odds and history, and the live stream that carries the news of the night. */
import type { Router } from "express";
import { z } from "zod";
import { idParamSchema } from "../../shared/schemas/common.js";
import { historyQuerySchema } from "../../shared/schemas/odds.js";
import { parseParams, queryParser } from "../middleware/validate.js";
import type { CachedReads } from "./cachedReads.js";
import { sendCached } from "./cachedResponse.js";
import type { LiveStream } from "./liveStream.js";

const categoryParamsSchema = z.object({ id: idParamSchema });

/** How long a browser's EventSource waits before reconnecting after the stream drops. */
const RECONNECT_MS = 5_000;

export function oddsRoutes(router: Router, reads: CachedReads, liveStream: LiveStream): void {
  const parseHistoryQuery = queryParser(historyQuerySchema);

  router.get("/categories/:id/odds", (req, res) => {
    const { id } = parseParams(req, categoryParamsSchema);
    sendCached(req, res, reads.currentOdds(id));
  });

  router.get("/categories/:id/history", (req, res) => {
    const { id } = parseParams(req, categoryParamsSchema);
    const { from, to } = parseHistoryQuery(req);
    const range = {
      from: from === undefined ? undefined : Date.parse(from),
      to: to === undefined ? undefined : Date.parse(to),
    };
    sendCached(req, res, reads.oddsHistory(id, range));
  });

  router.get("/odds/stream", (req, res) => {
    res.writeHead(200, {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform: a compressing proxy (or our own response compression) would hold messages back.
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      // nginx buffers responses by default, which would hold messages back.
      "X-Accel-Buffering": "no",
    });
    res.write(`retry: ${RECONNECT_MS}\n\n`);
    const disconnect = liveStream.connect(
      {
        write: (frame) => res.write(frame),
        bufferedBytes: () => res.writableLength,
        cutOff: () => res.destroy(),
        end: () => res.end(),
      },
      req.get("Last-Event-ID"),
    );
    // Fires when the client goes away and when we end the response: either way, nothing is left behind.
    res.on("close", disconnect);
  });
}
