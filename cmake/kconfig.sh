#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Every Kconfig step of the build, in one place, for the Makefile front end
# and for CMake (see ../shared notes on kconfig-frontends 4.11):
#
#   kconfig.sh SRC OBJ defconfig FILE    .config from a defconfig, checked
#   kconfig.sh SRC OBJ olddefconfig|allnoconfig|allyesconfig|randconfig
#   kconfig.sh SRC OBJ savedefconfig     writes OBJ/defconfig
#   kconfig.sh SRC OBJ menuconfig|nconfig
#   kconfig.sh SRC OBJ sync              .config -> autoconf.h and auto.conf
#   kconfig.sh SRC OBJ check FILE        did every value of FILE survive?
#
# KCONFIG_STRICT=1 turns a dropped defconfig value into an error.
set -eu

src=$(cd "$1" && pwd)
mkdir -p "$2"
obj=$(cd "$2" && pwd)
action=$3
shift 3

export srctree="$src"
export KCONFIG_CONFIG="$obj/.config"
cd "$src"

need() {
    if ! command -v "$1" >/dev/null 2>&1; then
        echo "kconfig: '$1' not found: run 'make deps' (Debian package kconfig-frontends-nox)" >&2
        exit 1
    fi
}

conf() {
    need kconfig-conf
    kconfig-conf -s "$@" Kconfig </dev/null
}

# Reports each value of a defconfig that .config does not hold: an unknown
# symbol, an unmet dependency or an out-of-range value drops it silently.
check() {
    defconfig=$1
    bad=0
    while IFS= read -r line; do
        case "$line" in
        CONFIG_*=*)
            if ! grep -qxF "$line" "$KCONFIG_CONFIG"; then
                sym=${line%%=*}
                now=$(grep -E "^($sym=|# $sym is not set)" "$KCONFIG_CONFIG" || true)
                echo "kconfig: $defconfig: '$line' did not survive (now: '${now:-absent}')" >&2
                bad=1
            fi ;;
        "# CONFIG_"*" is not set")
            sym=${line#\# }
            sym=${sym%% *}
            if grep -q "^$sym=" "$KCONFIG_CONFIG"; then
                echo "kconfig: $defconfig: '$line' did not survive ($(grep "^$sym=" "$KCONFIG_CONFIG"))" >&2
                bad=1
            fi ;;
        esac
    done <"$defconfig"
    if [ $bad -ne 0 ] && [ "${KCONFIG_STRICT:-0}" = 1 ]; then
        exit 1
    fi
    return 0
}

# Copies a generated file into place only when it changed, so a configure
# that changes nothing rebuilds nothing.
install_if_changed() {
    if ! cmp -s "$1" "$2"; then
        mkdir -p "$(dirname "$2")"
        cp "$1" "$2"
    fi
}

case "$action" in
defconfig)
    file=$1
    [ -f "$file" ] || { echo "kconfig: no such defconfig: $file" >&2; exit 1; }
    conf --defconfig="$file"
    conf --olddefconfig
    check "$file"
    ;;
check)
    check "$1"
    ;;
olddefconfig|allnoconfig|allyesconfig|alldefconfig)
    conf --"$action"
    ;;
randconfig)
    # kconfig-conf prints the seed it used; same seed, same .config.
    need kconfig-conf
    kconfig-conf --randconfig Kconfig </dev/null | grep -i seed || true
    conf --olddefconfig
    ;;
savedefconfig)
    need kconfig-conf
    kconfig-conf --savedefconfig="$obj/defconfig" Kconfig </dev/null >/dev/null
    echo "kconfig: wrote $obj/defconfig"
    ;;
menuconfig|nconfig)
    tool=kconfig-mconf
    [ "$action" = nconfig ] && tool=kconfig-nconf
    need $tool
    [ -f "$KCONFIG_CONFIG" ] || conf --defconfig="configs/server_defconfig"
    $tool Kconfig
    ;;
sync)
    if [ ! -f "$KCONFIG_CONFIG" ]; then
        echo "kconfig: no .config in $obj: using configs/server_defconfig"
        conf --defconfig=configs/server_defconfig
    fi
    conf --olddefconfig
    gen="$obj/kconfig"
    mkdir -p "$gen/include/config" "$gen/include/generated"
    (cd "$gen" &&
        KCONFIG_AUTOHEADER="$gen/include/generated/autoconf.h" \
        KCONFIG_AUTOCONFIG="$gen/include/config/auto.conf" \
        KCONFIG_TRISTATE="$gen/include/config/tristate.conf" \
        kconfig-conf -s --silentoldconfig "$src/Kconfig" </dev/null)
    install_if_changed "$gen/include/generated/autoconf.h" "$obj/include/generated/autoconf.h"
    install_if_changed "$gen/include/config/auto.conf" "$obj/include/config/auto.conf"
    ;;
*)
    echo "kconfig: unknown action '$action'" >&2
    exit 2
    ;;
esac
