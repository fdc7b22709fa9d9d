/** Consensus odds: a category's current odds and history, and the live stream that says when they change. */
import type { Router } from "express";
import { z } from "zod";
import { idParamSchema } from "../../shared/schemas/common.js";
import { historyQuerySchema } from "../../shared/schemas/odds.js";
import { parseParams, queryParser } from "../middleware/validate.js";
import type { Services } from "../services/index.js";
import type { CachedReads } from "./cachedReads.js";
import { sendCached } from "./cachedResponse.js";

const categoryParamsSchema = z.object({ id: idParamSchema });

/** Proxies and load balancers drop connections that stay silent; a comment line every 25 s keeps ours open. */
const HEARTBEAT_MS = 25_000;
/** How long a browser's EventSource waits before reconnecting after the stream drops. */
const RECONNECT_MS = 5_000;

export function oddsRoutes(router: Router, services: Services, reads: CachedReads): void {
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

  router.get("/odds/stream", (_req, res) => {
    res.writeHead(200, {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      // nginx buffers responses by default, which would hold messages back.
      "X-Accel-Buffering": "no",
    });
    res.write(`retry: ${RECONNECT_MS}\n\n`);
    const heartbeat = setInterval(() => res.write(": heartbeat\n\n"), HEARTBEAT_MS);
    const unsubscribe = services.oddsFeed.subscribe({
      onChange(message) {
        res.write(`event: odds\ndata: ${JSON.stringify(message)}\n\n`);
      },
      onClose() {
        res.end();
      },
    });
    // Fires when the client goes away and when we end the response: either way, nothing is left behind.
    res.on("close", () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  });
}
