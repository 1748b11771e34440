# A thin wrapper over CMake, so that two commands do everything on a fresh
# Debian machine: `make run` and `make test`. Both first install the Debian
# packages that are missing (as root, or through sudo).

PACKAGES = cmake make gcc pkg-config gettext libunistring-dev libcjson-dev libcsv-dev libgsl-dev \
           check libxlsxwriter-dev nettle-dev libminizip-dev libexpat1-dev
# what the tests use besides: LibreOffice recalculates the workbooks,
# Chromium prints the HTML report to PDF, pdftotext reads it back;
# clang-format checks the layout of the C files (tests/style); npm (Debian's
# package, unless an npm is already there) installs axe-core, which checks
# the report's accessibility in Chromium
TEST_PACKAGES = libreoffice-calc-nogui chromium poppler-utils valgrind locales clang-format python3
AXE_CORE = axe-core@4.10.2
# the fuzz targets (docs/fuzzing.md): clang, and libFuzzer with the
# sanitizer runtimes, which Debian 12 ships apart from clang (only a
# recommendation of it, so not installed with --no-install-recommends)
FUZZ_PACKAGES = clang libclang-rt-14-dev
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
WERROR  ?= OFF
BUILD   ?= build
JOBS    ?= $(shell nproc 2>/dev/null || echo 2)
FUZZ_BUILD   ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := $(shell sed -n 's/^\([a-z_0-9]*\)[ \t].*/\1/p' tests/fuzz/targets)

.PHONY: all deps deps-test deps-fuzz build run test test-normal test-sanitize \
	test-fuzz fuzz-build fuzz fuzz-merge bench format clean

all: build

# installs the packages of $(1) that are missing (apt-get update first)
install = @missing=""; for p in $(1); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" \
	    || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends $$missing; \
	fi

deps:
	$(call install,$(PACKAGES))

deps-test:
	$(call install,$(PACKAGES) $(TEST_PACKAGES))
	@command -v npm > /dev/null 2>&1 || { echo "installing: npm"; \
	  $(SUDO) apt-get update && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends npm; }
	@[ -f .npm-test/node_modules/axe-core/axe.min.js ] || \
	  npm install --no-audit --no-fund --prefix .npm-test $(AXE_CORE)

deps-fuzz:
	$(call install,$(PACKAGES) $(FUZZ_PACKAGES))

build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDEKOM_WERROR=$(WERROR)
	cmake --build $(BUILD) -j $(JOBS)

# lays out every C file as .clang-format says (tests/style/formatted.sh checks)
format:
	clang-format -i $$(find cli engine io models tests cmake -name '*.[ch]')

# exit code 1 means "done, with findings at error level": still a good run
run: build
	./$(BUILD)/dekom recommend -f table; rc=$$?; [ $$rc -le 1 ]

test-normal: deps-test build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

test-sanitize: deps-test
	cmake -S . -B $(BUILD)-san -DCMAKE_BUILD_TYPE=Debug -DDEKOM_SANITIZE=ON -DDEKOM_WERROR=$(WERROR)
	cmake --build $(BUILD)-san -j $(JOBS)
	cd $(BUILD)-san && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --output-on-failure -j $(JOBS)

# The fuzz targets, built by clang with libFuzzer, ASan and UBSan. Warnings
# are the gcc build's business (WERROR there); clang's own would only stop
# the fuzzing.
fuzz-build: deps-fuzz
	cmake -S . -B $(FUZZ_BUILD) -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=Debug \
	  -DDEKOM_FUZZ=ON -DDEKOM_WERROR=OFF
	cmake --build $(FUZZ_BUILD) -j $(JOBS)

# the smoke test: each target over its checked-in inputs, then
# DEKOM_FUZZ_SECONDS (default 20) of fuzzing; any crash fails
test-fuzz: fuzz-build
	cd $(FUZZ_BUILD) && ctest --output-on-failure -j $(JOBS)

# FUZZ_SECONDS of fuzzing per target, one at a time; new inputs go to
# $(FUZZ_BUILD)/tests/fuzz/fuzz-work/NAME/corpus, not to the checked-in corpus
fuzz: fuzz-build
	@for t in $(FUZZ_TARGETS); do \
	  FUZZ_SECONDS=$(FUZZ_SECONDS) sh tests/fuzz/run.sh fuzz \
	    $(FUZZ_BUILD)/tests/fuzz/fuzz_$$t $$t || exit 1; \
	done

# folds what `make fuzz` found into tests/fuzz/corpus/, minimised
fuzz-merge: fuzz-build
	@for t in $(FUZZ_TARGETS); do \
	  sh tests/fuzz/run.sh merge $(FUZZ_BUILD)/tests/fuzz/fuzz_$$t $$t || exit 1; \
	done

test: test-normal test-sanitize test-fuzz

bench: build
	bench/run.sh ./$(BUILD)/dekom

clean:
	rm -rf $(BUILD) $(BUILD)-san $(FUZZ_BUILD)
