/** LiteFS's position file read as LiteFS writes it, and the wait for a TXID that ends either way. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { formatTxid, parsePosition, parseTxid, readPosition, waitForTxid } from "./litefsPosition.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const positionFile = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "frontrunner-pos-"));
  dirs.push(dir);
  return path.join(dir, "app.db-pos");
};

describe("parsePosition", () => {
  it("reads LiteFS's example: 16 hex digits of TXID, a slash, 16 of checksum and a newline", () => {
    expect(parsePosition("00000000002df417/ce552e44f23fbbdd\n")).toEqual({
      txid: 0x2df417n,
      checksum: "ce552e44f23fbbdd",
    });
  });

  it("reads a TXID past 2^53 exactly", () => {
    expect(parsePosition("ffffffffffffffff/0000000000000000")?.txid).toBe(18446744073709551615n);
  });

  it.each([
    "",
    "\n",
    "2df417/ce552e44f23fbbdd\n",
    "00000000002df417\n",
    "00000000002DF417/ce552e44f23fbbdd\n",
    "00000000002df417/ce552e44f23fbbdd\n\n",
    "00000000002df417:ce552e44f23fbbdd\n",
    " 00000000002df417/ce552e44f23fbbdd\n",
  ])("refuses %j", (text) => {
    expect(parsePosition(text)).toBeUndefined();
  });
});

describe("TXIDs in headers and cookies", () => {
  it("formats a TXID as the file does, and reads it back", () => {
    expect(formatTxid(0x2df417n)).toBe("00000000002df417");
    expect(parseTxid(formatTxid(0x2df417n))).toBe(0x2df417n);
  });

  it.each([undefined, "", "2df417", "00000000002df41g", "00000000002df4170"])("refuses %j", (value) => {
    expect(parseTxid(value)).toBeUndefined();
  });
});

describe("readPosition and waitForTxid", () => {
  it("has no position while there is no file", async () => {
    expect(await readPosition(positionFile())).toBeUndefined();
  });

  it("answers true at once when the file already shows the TXID or later", async () => {
    const file = positionFile();
    writeFileSync(file, "0000000000000010/0000000000000abc\n");
    expect(await readPosition(file)).toEqual({ txid: 16n, checksum: "0000000000000abc" });
    expect(await waitForTxid(file, 16n, { timeoutMs: 1000 })).toBe(true);
    expect(await waitForTxid(file, 3n, { timeoutMs: 1000 })).toBe(true);
  });

  it("waits until the file reaches the TXID", async () => {
    const file = positionFile();
    writeFileSync(file, "0000000000000010/0000000000000abc\n");
    const waiting = waitForTxid(file, 17n, { timeoutMs: 10_000 });
    writeFileSync(file, "0000000000000011/0000000000000def\n");
    expect(await waiting).toBe(true);
  });

  it("answers false when the file never reaches the TXID", async () => {
    const file = positionFile();
    writeFileSync(file, "0000000000000010/0000000000000abc\n");
    expect(await waitForTxid(file, 17n, { timeoutMs: 30 })).toBe(false);
    expect(await waitForTxid(positionFile(), 1n, { timeoutMs: 30 })).toBe(false);
  });
});
