# syntax=docker/dockerfile:1
# Builds the single bullpen binary with the web UI embedded. The same image runs `serve`, `worker` and `migrate`.

FROM node:20-bookworm-slim AS ui
WORKDIR /src/frontend
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY frontend/ ./
RUN npm run build

FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
COPY --from=ui /src/frontend/dist ./frontend/dist
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o /out/bullpen ./cmd/bullpen

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/bullpen /usr/local/bin/bullpen
USER nonroot
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/bullpen"]
CMD ["serve"]
