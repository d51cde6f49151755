# rtlib/aio against CPython 3.12 on the same workloads: ns/op (and MB for a
# million sleeping tasks) side by side, with the speed-up ratio.
PYTHON312 ?= $(shell pyenv root 2>/dev/null)/versions/3.12.1/bin/python3

.PHONY: bench-aio
bench: bench-aio
bench-aio:
	@mkdir -p bin
	$(GO) test -count=1 -run TestMillionSleepers -v -bench . -benchtime 1s ./rtlib/aio/ | tee bin/aio-go.txt
	$(PYTHON312) testdata/aio/bench/bench.py | tee bin/aio-py.txt
	@$(PYTHON312) testdata/aio/bench/compare.py bin/aio-go.txt bin/aio-py.txt
