/** Vite builds the SPA from client/ into dist/client; Vitest runs unit and API tests from the same config. */
import react from "@vitejs/plugin-react";
import { compression } from "vite-plugin-compression2";
import { defineConfig } from "vitest/config";

export default defineConfig({
  root: "client",
  plugins: [
    react(),
    // A brotli (quality 11) and a gzip copy of every script, style sheet and SVG of a kilobyte or more, which the
    // server sends as they are (server/app.ts). HTML is left out: the server splices each page's tags into it and
    // compresses the result (server/middleware/compression.ts); source maps are not for visitors.
    compression({
      include: /\.(js|css|svg)$/,
      threshold: 1024,
      algorithms: ["brotliCompress", "gzip"],
      logLevel: "silent",
    }),
  ],
  build: {
    outDir: "../dist/client",
    emptyOutDir: true,
    sourcemap: true,
    // Vite's warning is a generic 500 kB of raw JavaScript per file. Ours is stricter and about what a fan waits
    // for: scripts/check-bundle-size.mjs fails the build when the home page's first download is over its budget.
    chunkSizeWarningLimit: 600,
  },
  server: {
    // `npm run dev` mounts Vite inside the Express server, so the API and the SPA share one origin.
    middlewareMode: true,
  },
  test: {
    root: ".",
    include: [
      "shared/**/*.test.ts",
      "server/**/*.test.ts",
      "client/**/*.test.{ts,tsx}",
      "scripts/**/*.test.ts",
      "bench/**/*.test.ts",
    ],
    environment: "node",
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
