/**
 * Reads LiteFS's replication position of a database (the `<db>-pos` file beside it) and waits for it to reach a
 * transaction, so a fan's read on a replica can wait for their own write.
 *
 * The format is LiteFS's (https://fly.io/docs/litefs/position/): the TXID as 16 hex digits, a slash, the rolling
 * checksum as 16 hex digits, and a newline, e.g. `00000000002df417/ce552e44f23fbbdd`. TXIDs only grow, so "has
 * this replica applied the write" is a comparison of TXIDs; the checksum is kept for logs.
 */
import { readFile } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";

export type LitefsPosition = { txid: bigint; checksum: string };

const POSITION = /^([0-9a-f]{16})\/([0-9a-f]{16})\n?$/;
/** A TXID as carried in a header or a cookie: exactly as the position file writes it. */
const TXID = /^[0-9a-f]{16}$/;

/** The position in a `-pos` file's text, or undefined when the text is not one. */
export function parsePosition(text: string): LitefsPosition | undefined {
  const match = POSITION.exec(text);
  if (!match?.[1] || !match[2]) return undefined;
  return { txid: BigInt(`0x${match[1]}`), checksum: match[2] };
}

/** A TXID's 16 hex digits, as the position file writes it. */
export const formatTxid = (txid: bigint) => txid.toString(16).padStart(16, "0");

/** The TXID in a header or cookie value, or undefined when it is not 16 hex digits. */
export const parseTxid = (value: string | undefined): bigint | undefined =>
  value !== undefined && TXID.test(value) ? BigInt(`0x${value}`) : undefined;

/**
 * The database's position now, or undefined when there is no position file (no LiteFS, or a database LiteFS has
 * not created yet) or it does not hold one.
 */
export async function readPosition(file: string): Promise<LitefsPosition | undefined> {
  try {
    return parsePosition(await readFile(file, "utf8"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/**
 * Resolves true once the position file shows `txid` or later, false when `timeoutMs` passes first. LiteFS offers no
 * notification through the mount (its event stream is an HTTP endpoint of its own), so the file is read every
 * `intervalMs`: a read of a 34-byte file, far cheaper than the request that waits on it.
 */
export async function waitForTxid(
  file: string,
  txid: bigint,
  { timeoutMs, intervalMs = 10 }: { timeoutMs: number; intervalMs?: number },
): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const position = await readPosition(file);
    if (position && position.txid >= txid) return true;
    const left = deadline - performance.now();
    if (left <= 0) return false;
    await sleep(Math.min(intervalMs, left));
  }
}
