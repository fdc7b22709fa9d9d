/**
 * The HTTP server for the Express app, with requests and responses created as Express's own from the start.
 *
 * Express gives every request and response its methods by changing their prototype
 * (`Object.setPrototypeOf(req, app.request)`, expressjs/express#5998). V8 handles an object whose prototype
 * changed on a slow path, and under load the whole graph of each request then outlived the young-generation
 * collections: about 3 MB promoted to the old generation per collection, whose copying and the full collections
 * it brought were the longest pauses of a pick write (see README, "Benchmarks"). Here Node builds each request
 * and response from a class whose prototype already is Express's, so Express's prototype change finds nothing to
 * change. Only the top-level app is served this way; we mount no sub-apps (they change prototypes again).
 */
import { createServer, IncomingMessage, type Server, ServerResponse } from "node:http";
import type { Express } from "express";

export function createAppServer(app: Express): Server {
  class AppRequest extends IncomingMessage {}
  class AppResponse extends ServerResponse<AppRequest> {}
  Object.setPrototypeOf(AppRequest.prototype, app.request);
  Object.setPrototypeOf(AppResponse.prototype, app.response);
  app.request = AppRequest.prototype as unknown as Express["request"];
  app.response = AppResponse.prototype as unknown as Express["response"];
  return createServer({ IncomingMessage: AppRequest, ServerResponse: AppResponse }, app);
}
