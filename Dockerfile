# syntax=docker/dockerfile:1
#
# Firebreak: one image for the api (default command) and the Temporal worker
# (docker-compose.yml overrides the command with `node api/dist/worker/main.js`).
#
#   build   npm ci + npm run build (engine and api with tsc -b, the editor with vite)
#   deps    production dependencies only
#   runtime node, production node_modules, the built dist folders, playbooks/, templates/;
#           runs as the unprivileged `node` user

# NODE_IMAGE is Node >= 20.19, as package.json's engines asks. Debian (glibc) rather
# than Alpine: the Temporal core bridge and @swc/core ship glibc binaries.
ARG NODE_IMAGE=node:20.20.2-bookworm-slim
# NPM_VERSION is >= 11.16, which reads package.json's allowScripts field; the npm
# bundled with Node 20 (10.x) ignores it and would run the install scripts it denies.
ARG NPM_VERSION=11.19.1

FROM ${NODE_IMAGE} AS npm
ARG NPM_VERSION
RUN npm install --global "npm@${NPM_VERSION}" && npm --version
ENV npm_config_update_notifier=false \
    npm_config_fund=false \
    npm_config_audit=false
WORKDIR /app
# Manifests only, so the dependency layers are rebuilt only when they change.
COPY package.json package-lock.json ./
COPY engine/package.json engine/
COPY api/package.json api/
COPY editor/package.json editor/

FROM npm AS build
RUN --mount=type=cache,target=/root/.npm npm ci
COPY . .
RUN npm run build \
 && mkdir -p playbooks templates

FROM npm AS deps
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=8080
WORKDIR /app
# Files stay owned by root and read-only to the app user. The manifests and the
# workspace links in node_modules (@firebreak/* -> ../../engine etc.) come with deps.
COPY --from=deps /app ./
COPY --from=build /app/engine/dist ./engine/dist
COPY --from=build /app/api/dist ./api/dist
COPY --from=build /app/editor/dist ./editor/dist
COPY --from=build /app/playbooks ./playbooks
COPY --from=build /app/templates ./templates
USER node
EXPOSE 8080
CMD ["node", "api/dist/main.js"]
