# One image recipe for every service; SERVICE picks which one runs (gateway or subgraphs/<name>).
# Built from the repository root so packages/ is in the build context.
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json .npmrc tsconfig.base.json tsconfig.json codegen.ts ./
COPY packages ./packages
COPY gateway ./gateway
COPY subgraphs ./subgraphs
COPY schema ./schema
COPY supergraph.yaml ./
RUN npm ci --no-audit --no-fund && npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ARG SERVICE
ENV NODE_ENV=production SERVICE=${SERVICE}
WORKDIR /app
COPY --from=build /app /app
USER node
CMD ["sh", "-c", "exec node \"$SERVICE/dist/index.js\""]
