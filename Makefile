# Bullpen: `make run` starts the whole product on this machine; `make test` runs every test.
GO        ?= go
TOOLS     := $(CURDIR)/.tools
BIN       := $(CURDIR)/bin/bullpen
STATICCHECK_VERSION   := v0.8.2
WORKFLOWCHECK_VERSION := v0.6.0
# Go packages, leaving out any that npm brings along inside frontend/node_modules.
PKGS       = $(shell $(GO) list ./... | grep -v /node_modules/)
# Ports the end-to-end test's own `bullpen dev` listens on, away from a developer's running one.
E2E_ADDR     ?= 127.0.0.1:18080
E2E_TEMPORAL ?= 127.0.0.1:17233

.PHONY: run demo build ui test lint test-go test-fuzz test-e2e tools clean bench soak histories

## run: build the UI and the binary, then start everything (add ARGS=--demo for the demo organisation)
run: build
	$(BIN) dev $(ARGS)

## demo: same as `make run ARGS=--demo`
demo: build
	$(BIN) dev --demo

## build: the single binary with the web UI embedded, in bin/bullpen
build: ui
	$(GO) build -trimpath -ldflags "-s -w" -o $(BIN) ./cmd/bullpen

frontend/node_modules: frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund
	@touch $@

## ui: the web UI in frontend/dist
ui: frontend/node_modules
	cd frontend && npm run build

## test: static checks, Go tests (unit, workflow, replay, integration on PostgreSQL and SQLite), a bounded run of
## every fuzz test and the browser test
test: lint test-go test-fuzz test-e2e

$(TOOLS)/staticcheck:
	GOBIN=$(TOOLS) $(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)

$(TOOLS)/workflowcheck:
	GOBIN=$(TOOLS) $(GO) install go.temporal.io/sdk/contrib/tools/workflowcheck@$(WORKFLOWCHECK_VERSION)

tools: $(TOOLS)/staticcheck $(TOOLS)/workflowcheck

## lint: gofmt, go vet, staticcheck, workflowcheck over workflows/, the UI's i18n check, ESLint and TypeScript,
## and docker-compose.yml when the docker compose client is present
lint: tools frontend/node_modules
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { echo "gofmt needed:"; gofmt -l $$(git ls-files '*.go'); exit 1; }
	$(GO) vet $(PKGS)
	$(TOOLS)/staticcheck $(PKGS)
	$(TOOLS)/workflowcheck ./workflows/...
	cd frontend && npm run lint && npm run typecheck
	@if docker compose version >/dev/null 2>&1; then BULLPEN_LINK_SECRET=$${BULLPEN_LINK_SECRET:-lint-only-0123456789abcdef0123456789} docker compose config -q && echo "docker-compose.yml: valid"; \
	else echo "docker compose not installed: docker-compose.yml not checked"; fi

## test-go: every Go test; needs PostgreSQL (BULLPEN_TEST_POSTGRES_URL, default the local server)
test-go:
	$(GO) test -count=1 -timeout 20m $(PKGS)

## test-fuzz: each fuzz test (docs/reliability.md) for a bounded number of inputs, one after another (a count, not
## a duration: Go 1.26's fuzzer can fail at a -fuzztime deadline, golang/go#75804); FUZZ_SCALE multiplies them
FUZZ_SCALE ?= 1
FUZZ_TARGETS = ./models:FuzzCSVImport:40000 ./models:FuzzQuestionnaireAnswers:60000 ./models:FuzzVerifyLink:60000 \
	./models:FuzzSize:60000 ./cmd/bullpen:FuzzJSONBodies:200
test-fuzz:
	@set -e; for t in $(FUZZ_TARGETS); do pkg=$${t%%:*}; rest=$${t#*:}; name=$${rest%%:*}; n=$$(( $${rest##*:} * $(FUZZ_SCALE) )); \
		echo "fuzz $$name ($$pkg), $$n inputs"; \
		$(GO) test $$pkg -run '^$$' -fuzz "^$$name\$$" -fuzztime $${n}x -parallel 1 -timeout 60m; done

## histories: record a history of each workflow's main paths from the integration tests, for the replay test in
## workflows/ (docs/reliability.md); histories already recorded are kept (BULLPEN_WRITE_HISTORY=overwrite
## records them again)
BULLPEN_WRITE_HISTORY ?= 1
HISTORY_TESTS = TestRequestChangesThenResubmit|TestRemindersAndEscalation|TestPipelineJourney|TestSlateRule|TestOfferToHire|TestInterviewInvites|TestCSVImport|TestPlanningMeetings|TestGreetings
histories:
	BULLPEN_WRITE_HISTORY=$(BULLPEN_WRITE_HISTORY) $(GO) test ./cmd/bullpen -count=1 -run '^($(HISTORY_TESTS))$$'
	$(GO) test ./workflows -count=1 -run TestReplayRecordedHistories

## soak: the long reliability runs (docs/reliability.md): every fuzz test on 30 times as many inputs, the load
## test (200 users for five minutes on PostgreSQL) and the crash survival test (journeys under SIGKILL)
soak:
	$(MAKE) test-fuzz FUZZ_SCALE=30
	BULLPEN_SOAK=1 $(GO) test ./cmd/bullpen -run '^TestLoad200Users$$' -count=1 -v -timeout 30m
	BULLPEN_SOAK=1 $(GO) test ./cmd/bullpen -run '^TestCrashSurvival$$' -count=1 -v -timeout 90m

## test-e2e: the UI in headless Chromium against a fresh `bullpen dev --demo`
test-e2e: build
	./scripts/e2e.sh $(BIN) $(E2E_ADDR) $(E2E_TEMPORAL)

clean:
	rm -rf bin frontend/dist/assets frontend/dist/index.html frontend/dist/favicon.svg

## bench: the benchmark suite (docs/benchmarks.md): footprint of bullpen dev; journey throughput against
## Temporal's floor on bullpen dev and with the app database on PostgreSQL; the bulk jobs; API latency on a
## large organisation on PostgreSQL. A small size by default; BENCH_SCALE=full for the sizes of the figures.
BENCH_SCALE ?=
bench: build
	./scripts/bench-footprint.sh $(BIN)
	BULLPEN_BENCH_SCALE=$(BENCH_SCALE) $(GO) test ./cmd/bullpen -run '^$$' -bench 'Journeys|Import10000|MonthClose1000' -benchtime 1x -timeout 60m
	BULLPEN_BENCH_SCALE=$(BENCH_SCALE) BULLPEN_BENCH_DB=postgres $(GO) test ./cmd/bullpen -run '^$$' -bench 'Journeys|LargeOrgLatency' -benchtime 1x -timeout 60m
