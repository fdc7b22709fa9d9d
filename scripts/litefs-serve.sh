#!/bin/sh
# Started by LiteFS (litefs.yml, exec) once this node is the primary or has reached the primary: runs the server,
# and on the primary wraps it in Litestream's continuous backup when a bucket is configured. The role rule is the
# app's own (server/middleware/replicaForwarding.ts): a node whose LiteFS mount has a .primary file is a replica.
set -eu
cd /app
if [ ! -e "$LITEFS_DIR/.primary" ] && [ -n "${LITESTREAM_BUCKET:-}" ]; then
  exec litestream replicate -config /etc/litestream.yml -exec "node dist/server/server/main.js"
fi
exec node dist/server/server/main.js
