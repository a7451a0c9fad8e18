# One image recipe for every service; SERVICE picks which one runs (gateway or subgraphs/<name>).
# Built from the repository root so packages/ is in the build context.
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json .npmrc tsconfig.base.json tsconfig.json ./
COPY packages ./packages
COPY apps ./apps
COPY gateway ./gateway
COPY subgraphs ./subgraphs
COPY schema ./schema
COPY scripts ./scripts
COPY supergraph.yaml ./
RUN npm ci --no-audit --no-fund && npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
# ENTRY and NODE_FLAGS are what SERVICE's `npm start` runs (package.json): a subgraph's dist/index.js,
# the gateway's dist/main.js with its node flags. docker-compose.yml passes the gateway's, and
# test/docker-compose.test.ts checks that every service's agree with its start script.
ARG SERVICE
ARG ENTRY=dist/index.js
ARG NODE_FLAGS=
ENV NODE_ENV=production SERVICE=${SERVICE} ENTRY=${ENTRY} NODE_FLAGS=${NODE_FLAGS}
WORKDIR /app
COPY --from=build /app /app
USER node
CMD ["sh", "-c", "exec node $NODE_FLAGS \"$SERVICE/$ENTRY\""]
