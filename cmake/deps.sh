#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Installs every Debian package Tessera's build, run and tests need.
set -eu

PACKAGES="gcc gcc-multilib make cmake ninja-build python3 kconfig-frontends-nox
libcmocka-dev qemu-system-x86 grub-pc-bin grub-common xorriso mtools clang libclang-rt-14-dev"

if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO=sudo
    else
        echo "make deps: needs root to install packages; run it as root, or install:" >&2
        echo "  apt-get install $PACKAGES" | tr '\n' ' ' >&2
        echo >&2
        exit 1
    fi
else
    SUDO=
fi

missing=
for p in $PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
if [ -z "$missing" ]; then
    echo "make deps: all packages present"
    exit 0
fi
echo "make deps: installing$missing"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
# shellcheck disable=SC2086
$SUDO apt-get install -y -q --no-install-recommends $missing
