/** Types of chromium.mjs, for the TypeScript that imports it (bench/lighthouse.ts). */
export function findChromium(): string | undefined;
export const installHint: string;
export const chromiumArgs: string[];
