# Kizuna's everyday commands. `make demo` and `make test` are the README's quick start.
SWIFT ?= swift
CONFIG ?= examples/kizuna.yaml

.PHONY: setup build demo test bench bench-store bench-daemon bench-health clean install uninstall test-systemd

## Install what is missing (Debian packages), idempotently.
setup:
	@bash scripts/setup.sh

build: setup
	$(SWIFT) build

## Set up, build, fill the example's store (examples/.state) and show today's tasks.
demo: build
	@echo
	$(SWIFT) run --skip-build kizuna import customers --config $(CONFIG)
	python3 scripts/example-signals.py > examples/.state/signals.csv
	$(SWIFT) run --skip-build kizuna import signals examples/.state/signals.csv --config $(CONFIG)
	$(SWIFT) run --skip-build kizuna plan --config $(CONFIG)
	$(SWIFT) run --skip-build kizuna today --config $(CONFIG)
	$(SWIFT) run --skip-build kizuna health --band red --config $(CONFIG)
	@echo
	@echo "Running kizunad on the example in the foreground; Ctrl-C stops it."
	$(SWIFT) run --skip-build kizunad --config $(CONFIG)

## Run every test: the test suites, then the release binary against the debug one.
test: setup
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	bash scripts/release-smoke.sh
	bash scripts/test-install.sh

## Benchmarks, release build (figures on stdout).
bench: setup
	$(SWIFT) build -c release --product kizuna-bench
	.build/release/kizuna-bench

## The store benchmark: 100,000 customers and 1,000,000 task rows through the release `kizuna`.
bench-store: setup
	bash scripts/bench-store.sh

## The daemon benchmark: start-up, idle CPU and memory, playbook edits, reminders on time, with 10,000 customers.
bench-daemon: setup
	bash scripts/bench-daemon.sh

## The health benchmark: 100,000 customers with a year of daily signals, scores and one customer's re-evaluation.
bench-health: setup
	bash scripts/bench-health.sh

clean:
	rm -rf .build examples/.state

## Install the release build, the systemd units and /etc/kizuna (docs/systemd.md).
## PREFIX (default /usr/local) and DESTDIR (a staging root) work as usual.
PREFIX ?= /usr/local
install: setup
	@PREFIX="$(PREFIX)" DESTDIR="$(DESTDIR)" bash scripts/install.sh install

## Remove what `make install` installed (same PREFIX and DESTDIR), keeping edited configuration.
uninstall:
	@PREFIX="$(PREFIX)" DESTDIR="$(DESTDIR)" bash scripts/install.sh uninstall

## Boot systemd as PID 1 in a container and run kizunad as a service in it (root only).
test-systemd: setup
	bash scripts/test-systemd.sh
