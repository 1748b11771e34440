# A thin wrapper over CMake, so that two commands do everything on a fresh
# Debian machine: `make run` and `make test`. Both first install the Debian
# packages that are missing (as root, or through sudo).

PACKAGES = cmake make gcc pkg-config libcjson-dev libcsv-dev libgsl-dev \
           check libxlsxwriter-dev nettle-dev
# what the tests use besides: LibreOffice recalculates the workbooks,
# Chromium prints the HTML report to PDF, pdftotext reads it back
TEST_PACKAGES = libreoffice-calc-nogui chromium poppler-utils
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
WERROR  ?= OFF
BUILD   ?= build
JOBS    ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: all deps deps-test build run test test-normal test-sanitize bench clean

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

build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDEKOM_WERROR=$(WERROR)
	cmake --build $(BUILD) -j $(JOBS)

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

test: test-normal test-sanitize

bench: build
	bench/run.sh ./$(BUILD)/dekom

clean:
	rm -rf $(BUILD) $(BUILD)-san
