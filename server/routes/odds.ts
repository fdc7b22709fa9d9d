/** Consensus odds: a category's current odds and history, and the live stream that says when they change. */
import { type Response, Router } from "express";
import { z } from "zod";
import { idParamSchema } from "../../shared/schemas/common.js";
import { historyQuerySchema, type OddsHistory } from "../../shared/schemas/odds.js";
import { parseParams, parseQuery } from "../middleware/validate.js";
import type { Services } from "../services/index.js";
import type { CachedJson } from "../services/oddsCache.js";

const categoryParamsSchema = z.object({ id: idParamSchema });

/** Proxies and load balancers drop connections that stay silent; a comment line every 25 s keeps ours open. */
const HEARTBEAT_MS = 25_000;
/** How long a browser's EventSource waits before reconnecting after the stream drops. */
const RECONNECT_MS = 5_000;

/** Sends a cached body; Express answers 304 when the request's If-None-Match already names this ETag. */
function sendCached(res: Response, cached: CachedJson) {
  res.setHeader("ETag", cached.etag);
  // Browsers may keep the body but must ask again each time: odds change with every pick.
  res.setHeader("Cache-Control", "no-cache");
  res.type("application/json");
  res.send(cached.body);
}

export function oddsRoutes(services: Services): Router {
  const router = Router();

  router.get("/categories/:id/odds", (req, res) => {
    const { id } = parseParams(req, categoryParamsSchema);
    sendCached(res, services.currentOdds(id));
  });

  router.get("/categories/:id/history", (req, res) => {
    const { id } = parseParams(req, categoryParamsSchema);
    const { from, to } = parseQuery(req, historyQuerySchema);
    const compute = (): OddsHistory =>
      services.odds.getHistory(id, {
        from: from === undefined ? undefined : Date.parse(from),
        to: to === undefined ? undefined : Date.parse(to),
      });
    sendCached(res, services.oddsCache.read(id, `history ${from ?? ""} ${to ?? ""}`, compute));
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

  return router;
}
