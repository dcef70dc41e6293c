# cohort-bot image: one image for both processes; `bot` runs the chat bot, `worker` the job
# workers (see docker-compose.yml). Build: docker build -t cohort-bot .

FROM node:20-bookworm-slim AS build
WORKDIR /app
# Dependencies first, so source edits reuse the cached `npm ci` layer.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production
# The CJK font the digest and scorecard pictures are drawn with (CARD_FONT_FILE's default path).
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-noto-cjk \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# dist/, bin/, production node_modules and the data files the code reads (data/).
COPY --from=build --chown=node:node /app /app
# Exported workbooks land here (a named volume in docker-compose.yml keeps them).
RUN mkdir -p /data/exports && chown node:node /data/exports
USER node
ENTRYPOINT ["node", "bin/cohort-bot.js"]
CMD ["--help"]
