/** What our middleware adds to Express's request. */
import type { UserRow } from "./repositories/userRepository.js";

declare global {
  namespace Express {
    interface Request {
      /** This request's id, echoed in X-Request-Id and written on its log lines. */
      id: string;
      /** The signed-in user, set by the session middleware. */
      user?: UserRow;
      /** The raw session token from the cookie, when one was sent and is valid. */
      sessionToken?: string;
    }
  }
}
