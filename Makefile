# Kizuna's everyday commands. `make demo` and `make test` are the README's quick start.
SWIFT ?= swift
CONFIG ?= examples/kizuna.yaml

.PHONY: setup build demo test bench clean

## Install what is missing (Debian packages), idempotently.
setup:
	@bash scripts/setup.sh

build: setup
	$(SWIFT) build

## Set up, build, fill the example's store (examples/.state) and show today's tasks.
demo: build
	@echo
	$(SWIFT) run --skip-build kizuna import customers --config $(CONFIG)
	$(SWIFT) run --skip-build kizuna plan --config $(CONFIG)
	$(SWIFT) run --skip-build kizuna today --config $(CONFIG)

## Run every test.
test: setup
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

## Benchmarks, release build (figures on stdout).
bench: setup
	$(SWIFT) build -c release --product kizuna-bench
	.build/release/kizuna-bench

clean:
	rm -rf .build examples/.state
