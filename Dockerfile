# Storefront image: the shop's HTTP server (lib/cli/http-server.ts, Next behind
# node:http) plus the tsx-based npm scripts (db:migrate,
# db:seed). Build: docker build -t storefront-app .

# One pinned base for every stage, so the node_modules built in `deps`
# (native binaries included) match the runtime exactly.
FROM node:24-bookworm-slim AS base
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 \
    CHECKPOINT_DISABLE=1 \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false

# --- deps: install exactly the lockfile. Only the files `npm ci` and its
# postinstall (`prisma generate`) read are copied, so this layer stays cached
# until dependencies or the schema change. The postinstall sets
# PRISMA_SCHEMA_ENGINE_BINARY=/bin/false, so no engine is downloaded.
FROM base AS deps
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma/schema.prisma ./prisma/schema.prisma
# The schema's data classes generator runs in the same `prisma generate`.
COPY prisma/generators ./prisma/generators
RUN npm ci --no-audit

# --- build: compile the Next.js app.
FROM base AS build
COPY --from=deps /app/node_modules ./node_modules
COPY . .
# The generated Prisma client comes from `deps`, never from the build context.
COPY --from=deps /app/lib/generated ./lib/generated
# The build cache only helps the next build; keep it out of the image.
RUN npm run build && rm -rf .next/cache

# --- runtime
FROM base AS runtime
# npm (db:migrate) and tsx write caches and logs under HOME / the npm
# cache; /tmp is the only writable place when the root filesystem is read-only.
ENV NODE_ENV=production \
    PORT=3000 \
    HOME=/tmp \
    NPM_CONFIG_CACHE=/tmp/.npm
# Everything the server and the tsx scripts need at run time: the build
# output, the dependencies, and the TypeScript sources that db:migrate and
# db:seed import (lib/, prisma/), with tsconfig.json for the
# "@/" path alias. Files stay owned by root, so the app cannot change its code.
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/.next ./.next
COPY --from=build /app/public ./public
COPY --from=build /app/prisma ./prisma
COPY --from=build /app/lib ./lib
COPY --from=build /app/package.json /app/next.config.js /app/tsconfig.json \
     /app/prisma.config.ts /app/proxy.ts /app/instrumentation.ts ./
# Next.js writes its image/fetch cache here: the one app-writable path
# (compose mounts a tmpfs over it when the root filesystem is read-only).
# So is the worker's audit checkpoint folder (compose mounts a volume there; a new
# volume takes the owner of the folder it is mounted over).
RUN mkdir -p .next/cache audit-checkpoints && chown node:node .next/cache audit-checkpoints

# The image's unprivileged `node` user (uid 1000).
USER node
EXPOSE 3000

# Slim images have no curl: use Node's built-in fetch. /api/health answers
# 200 only when the database does; start-period covers the migrations.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]

# Apply pending migrations first (idempotent; the schema engine holds a
# PostgreSQL advisory lock, so replicas starting together take turns), then
# `exec` so the server replaces the shell and gets SIGTERM directly.
CMD ["sh", "-c", "npm run db:migrate && exec node_modules/.bin/tsx lib/cli/http-server.ts ${PORT:-3000}"]
