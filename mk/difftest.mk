# A differential sweep of typed int arithmetic against CPython 3.12: random
# programs (cmd/async2go/diffint_test.go), 200 by default.
DIFFINT ?= 200
.PHONY: difftest-int
difftest-int:
	ASYNC2GO_DIFFINT=$(DIFFINT) $(GO) test -count=1 -run TestIntDifferential -timeout 60m ./cmd/async2go

# The same for asyncio's locks, semaphores, events and conditions, with
# random cancellations (cmd/async2go/diffsync_test.go), 100 by default.
DIFFSYNC ?= 100
.PHONY: difftest-sync
difftest-sync:
	ASYNC2GO_DIFFSYNC=$(DIFFSYNC) $(GO) test -count=1 -run TestSyncDifferential -timeout 60m ./cmd/async2go

# The same for fast resumes (codegen/fastresume.go): loops around
# asyncio.sleep(0) with int operations that cross int64
# (cmd/async2go/difffast_test.go), 100 by default.
DIFFFAST ?= 100
.PHONY: difftest-fast
difftest-fast:
	ASYNC2GO_DIFFFAST=$(DIFFFAST) $(GO) test -count=1 -run TestFastResumeDifferential -timeout 60m ./cmd/async2go
