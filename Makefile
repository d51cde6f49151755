# async2go — see README.md.
#
#   make test    the test suite (what CI runs); needs only Go. Tests that need
#                CPython 3.12 skip with a message where it is absent.
#   make check   vet and gofmt
#   make bench   benchmarks, with CPython 3.12 figures measured in the same run
#
# Longer sweeps live in mk/*.mk (stdlib-ast, fuzz-parser, …).

GO ?= go

.PHONY: test check bench build

build:
	$(GO) build -o bin/async2go ./cmd/async2go

test:
	$(GO) vet ./...
	$(GO) test -count=1 -timeout 20m ./...
	$(GO) test -count=1 -tags async2go_profile -run Profile ./rtlib

check:
	$(GO) vet ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); exit 1; }

bench:

-include mk/*.mk
