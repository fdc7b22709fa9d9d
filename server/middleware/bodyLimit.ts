/**
 * Refuses a request whose declared Content-Length is over its limit at once, before a byte of the body is read.
 * body-parser checks the same limit but reads (and discards) the whole body before answering, so a client could
 * still make us receive megabytes; this answers from the header alone.
 */
import type { Request, RequestHandler } from "express";
import { payloadTooLarge } from "../errors.js";

export function refuseOversizedBodies(limitFor: (req: Request) => number): RequestHandler {
  return (req, res, next) => {
    if (Number(req.headers["content-length"] ?? 0) > limitFor(req)) {
      // The rest of the body is never read: closing the connection tells the client to stop sending it.
      res.setHeader("Connection", "close");
      throw payloadTooLarge();
    }
    next();
  };
}
