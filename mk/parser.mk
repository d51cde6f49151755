# The whole differential sweep of the parser over CPython 3.12's Lib/.
.PHONY: stdlib-ast fuzz-parser
stdlib-ast:
	ASYNC2GO_STDLIB=all $(GO) test -count=1 -run TestStdlibDifferential -v ./frontend/parser

fuzz-parser:
	$(GO) test -run '^$$' -fuzz FuzzParse -fuzztime 60s ./frontend/parser

.PHONY: bench-parser
bench-parser:
	sh frontend/parser/bench_vs_cpython.sh
