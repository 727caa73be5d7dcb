# syntax=docker/dockerfile:1
# The dashboard as a container: build with every dev tool, run with none.
#   docker build -t coder-dashboard .
#   docker run -p 3000:3000 -e CODER_URL=https://coder.example.com coder-dashboard

FROM node:20-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# The server bundle (dist-server/) carries its dependencies, so the runtime stage needs no
# node_modules: Node, the two build outputs, and package.json for `npm run serve`.
FROM node:20-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    LOG_FORMAT=json
WORKDIR /app
COPY --from=build /src/package.json ./
COPY --from=build /src/dist ./dist
COPY --from=build /src/dist-server ./dist-server
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=10s --retries=3 CMD ["node", "dist-server/healthcheck.mjs"]
# SIGTERM reaches Node directly (exec form): streams end with 1001 and the process exits within 10 s.
STOPSIGNAL SIGTERM
CMD ["node", "dist-server/serve.mjs"]
