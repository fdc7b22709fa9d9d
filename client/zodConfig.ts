/**
 * Zod without its compiled fast path, set before any schema is built (main.tsx imports this first). The fast path
 * probes `new Function`, which the page's Content-Security-Policy (no `unsafe-eval`) refuses and Chrome reports as a
 * policy violation on every load (Lighthouse's Best Practices counts it); our answers are small, so parsing them
 * without it costs nothing a fan could notice.
 */
import { z } from "zod/mini";

z.config({ jitless: true });
