# syntax=docker/dockerfile:1
# One image for every process of the platform: the subcommand picks the role
# (`docker run ecommerce:local mirror`, `... gateway`, ...). The TypeScript runs directly
# through tsx (a runtime dependency of cli/), so there is no build step.

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- deps: production dependencies, with the tool chain better-sqlite3 needs when no
# prebuilt binary matches (it compiles from source with node-gyp then).
FROM ${NODE_IMAGE} AS deps
# Build tools only, never shipped: the distribution's current versions are what we want.
# hadolint ignore=DL3008
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV SCARF_ANALYTICS=false \
    npm_config_update_notifier=false
# Only the manifests first, so a source change does not reinstall dependencies.
COPY package.json package-lock.json ./
COPY schemas/package.json schemas/
COPY domain/package.json domain/
COPY platform/package.json platform/
COPY command-api/package.json command-api/
COPY processors/package.json processors/
COPY projections/package.json projections/
COPY query-api/package.json query-api/
COPY gateway/package.json gateway/
COPY cli/package.json cli/
COPY web/package.json web/
RUN npm ci --omit=dev --no-audit --no-fund \
 && npm cache clean --force \
 && node -e "require('better-sqlite3')(':memory:').close()"

# ---- web: the shop's static files (vite is a dev dependency, so the deps stage skips the
# build); scripts off, as nothing native is needed to bundle.
FROM ${NODE_IMAGE} AS web
WORKDIR /app
ENV npm_config_update_notifier=false
COPY --from=deps /app/package.json /app/package-lock.json ./
COPY --from=deps /app/schemas/package.json schemas/
COPY --from=deps /app/domain/package.json domain/
COPY --from=deps /app/platform/package.json platform/
COPY --from=deps /app/command-api/package.json command-api/
COPY --from=deps /app/processors/package.json processors/
COPY --from=deps /app/projections/package.json projections/
COPY --from=deps /app/query-api/package.json query-api/
COPY --from=deps /app/gateway/package.json gateway/
COPY --from=deps /app/cli/package.json cli/
COPY web/ web/
RUN npm ci --ignore-scripts --no-audit --no-fund \
 && node web/build.cjs

# ---- runtime: no compiler, no root.
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    DATA_DIR=/app/data
WORKDIR /app
# Code and dependencies stay root-owned (read-only to the app); only DATA_DIR is writable.
# The workspace links in node_modules/@ecommerce point at the package folders copied below.
COPY --from=deps /app ./
COPY . .
COPY --from=web /app/web/dist web/dist
RUN mkdir -p /app/data && chown node:node /app/data
# The `node` user (uid 1000) of the base image; numeric so Kubernetes can verify runAsNonRoot.
USER 1000:1000
VOLUME ["/app/data"]
# gateway / start: 8080; command-api: 8081; query-api: 8082 (settings PORT, COMMAND_API_PORT, QUERY_API_PORT).
EXPOSE 8080 8081 8082
# Liveness of the process on PORT (the gateway and `start`); compose and Kubernetes give each
# role its own check. The slim image has no curl: Node's fetch does it.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "deploy/healthcheck.js"]
ENTRYPOINT ["node", "cli/bin/ecommerce"]
CMD ["start"]
