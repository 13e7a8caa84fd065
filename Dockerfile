# One image for the API, the operator CLI and the storefront (they share node_modules and libs/).
#   docker build -t techport .                                  (the production image: no demo data)
#   docker build --target demo -t techport-demo .               (the same, plus the demo exchange's data)
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
# npm install follows package-lock.json; npm ci would refuse it (see scripts/ensure-install.mjs).
RUN npm install --no-audit --no-fund
COPY . .
ENV NX_DAEMON=false NX_NO_CLOUD=true
RUN npx swc apps/api/src libs/shared/src migrations -d dist --copy-files --quiet --ignore '**/*.spec.ts' \
 && npx nx run web:build \
 && npm prune --omit=dev

FROM node:20-bookworm-slim AS app
WORKDIR /app
ENV NODE_ENV=production
# pg_dump and pg_restore for the operator commands `backup` and `restore` (docker compose run --rm
# ops …). They must be at least the server's major version: the compose file runs PostgreSQL 16,
# and Debian bookworm ships only the 15 client, so the PostgreSQL project's own apt repository is
# added with Debian's postgresql-common helper. Match PG_CLIENT_MAJOR to your server.
ARG PG_CLIENT_MAJOR=16
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates postgresql-common \
 && /usr/share/postgresql-common/pgdg/apt.postgresql.org.sh -y \
 && apt-get install -y --no-install-recommends postgresql-client-${PG_CLIENT_MAJOR} \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/apps/web/build ./apps/web/build
COPY --from=build /app/package.json ./package.json
USER node
EXPOSE 4000 3000
CMD ["node", "dist/apps/api/src/main.js"]

# The demo exchange's data files (apps/api/demo-data: phrases, organisations, experts, Techmarts)
# on top of the production image, for the one-off job that seeds them (compose: `migrate` with
# SEED_DEMO=true). The images that serve (API, storefront, ops) never carry them: `seed` there
# stops with a message saying the demo data is not in the image.
FROM app AS demo
COPY --from=build /app/apps/api/demo-data ./apps/api/demo-data

# The default target (`docker build .`): the production image.
FROM app AS production
