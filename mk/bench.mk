# Whole-program comparison: CPython 3.12 (and uvloop where importable), the
# hand-written Go versions and the translated programs (bench/README.md).
# BENCHFLAGS, e.g. BENCHFLAGS='-n 5 -only switch,timers'.
.PHONY: bench-programs
bench: bench-programs
bench-programs:
	$(GO) run ./bench/cmd/benchrun $(BENCHFLAGS)
