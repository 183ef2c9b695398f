# SPDX-License-Identifier: GPL-2.0-only
#
# Tessera's front end: Linux-style targets that forward to CMake.
#   make [O=dir] <name>_defconfig | menuconfig | nconfig | olddefconfig
#                savedefconfig | allnoconfig | allyesconfig | randconfig
#   make [O=dir] [all] | run | iso | run-iso | test | fuzz | clean | distclean
#   make deps
# O= is the build directory (default build/); it holds .config.

O ?= build
SRC := $(patsubst %/,%,$(dir $(abspath $(lastword $(MAKEFILE_LIST)))))
BUILD := $(abspath $(O))
KCONFIG := sh $(SRC)/cmake/kconfig.sh $(SRC) $(BUILD)
CMAKE_CONFIGURE := cmake -S $(SRC) -B $(BUILD) -G Ninja -Wno-dev
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

CONFIG_TARGETS := menuconfig nconfig olddefconfig savedefconfig allnoconfig \
                  allyesconfig randconfig

.PHONY: all configure run iso run-iso test fuzz deps clean distclean help \
        $(CONFIG_TARGETS) FORCE

all: configure
	cmake --build $(BUILD) -j $(JOBS)

configure:
	@if [ ! -f $(BUILD)/build.ninja ]; then $(CMAKE_CONFIGURE); fi

%_defconfig: FORCE
	$(KCONFIG) defconfig $(SRC)/configs/$@

$(CONFIG_TARGETS):
	$(KCONFIG) $@

run iso run-iso: all
	cmake --build $(BUILD) --target $@

test: all
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

fuzz: all
	cmake --build $(BUILD) --target fuzz

deps:
	sh $(SRC)/cmake/deps.sh

clean:
	@if [ -f $(BUILD)/build.ninja ]; then cmake --build $(BUILD) --target clean; fi

distclean:
	rm -rf $(BUILD)

help:
	@sed -n '3,9p' $(SRC)/Makefile | sed 's/^# \{0,1\}//'

FORCE:
