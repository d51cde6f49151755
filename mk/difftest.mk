# A differential sweep of typed int arithmetic against CPython 3.12: random
# programs (cmd/async2go/diffint_test.go), 200 by default.
DIFFINT ?= 200
.PHONY: difftest-int
difftest-int:
	ASYNC2GO_DIFFINT=$(DIFFINT) $(GO) test -count=1 -run TestIntDifferential -timeout 60m ./cmd/async2go
