# Whole-program comparison against CPython 3.12 (bench/run.sh).
.PHONY: bench-programs
bench: bench-programs
bench-programs:
	bash bench/run.sh
