/** Where to go after signing in: only a path on this site, never `//evil.example` or a full URL. */
export function safeNext(next: string | null, fallback = "/"): string {
  if (next === null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  return next;
}
