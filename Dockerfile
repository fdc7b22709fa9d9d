# Frontrunner on LiteFS: one image for the primary and every replica (docs/deploy.md). Not built on the machines the
# project is developed on (no Docker daemon there); what is tested there is the app's own replica logic.

# Build stage: the toolchain better-sqlite3 compiles with when no prebuilt binary fits, and the dev dependencies the
# build needs; only the built app and the production dependencies leave it.
FROM node:22-bookworm-slim AS build
RUN apt-get update -y \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

# Runtime stage: Node, LiteFS (from its official image, https://fly.io/docs/litefs/getting-started-docker/) with the
# FUSE library it mounts with, and Litestream for the primary's off-site backup.
FROM node:22-bookworm-slim
RUN apt-get update -y \
  && apt-get install -y --no-install-recommends ca-certificates fuse3 sqlite3 \
  && rm -rf /var/lib/apt/lists/*
COPY --from=flyio/litefs:0.5 /usr/local/bin/litefs /usr/local/bin/litefs
COPY --from=litestream/litestream:0.3.13 /usr/local/bin/litestream /usr/local/bin/litestream
WORKDIR /app
# The server reads its migrations and seed data from the checkout's folders (server/paths.ts), beside dist/.
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/server/db/migrations ./server/db/migrations
COPY --from=build /app/server/seed ./server/seed
COPY --from=build /app/scripts/litefs-serve.sh ./scripts/litefs-serve.sh
COPY litefs.yml /etc/litefs.yml
COPY litestream.yml /etc/litestream.yml
# The database lives in LiteFS's mount (LITEFS_DIR); `::` listens on IPv6 too, which Fly.io's private network uses.
ENV NODE_ENV=production \
    HOST=:: \
    PORT=3000 \
    LITEFS_DIR=/litefs \
    DB_PATH=/litefs/frontrunner.db
EXPOSE 3000
# LiteFS runs as root (its recommendation) and starts the server once this node is the primary or has reached it.
ENTRYPOINT ["litefs", "mount"]
