#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Configuration tests, each in its own build directory WORK:
#   config_test.sh SRC WORK roundtrip NAME   defconfig -> savedefconfig is identical
#   config_test.sh SRC WORK boot KIND [SEED] build KIND (a defconfig name,
#       allnoconfig, allyesconfig or randconfig) and boot it to a clean exit.
#   config_test.sh SRC WORK crash KIND WHAT  boot with debug_crash=WHAT and
#       check the fatal error report (register dump, call trace, halt).
#   config_test.sh SRC WORK reject FILE      FILE as a defconfig must fail.
#   config_test.sh SRC WORK guests KIND REGEX build KIND with its guests and
#       run the guest tests matching REGEX there (features that are off).
#   config_test.sh SRC WORK sched FILE NAME OTHER  build the defconfig FILE
#       (a path) whose one scheduler is NAME and boot it with sched=OTHER,
#       which is not built: the fallback warning names NAME, and NAME runs
#       the smoke guest to a clean exit.
set -eu

src=$1 work=$2 mode=$3 kind=$4 seed= what= append= sched= other=
smoke=${SMOKE_GUEST:?the smoke guest image (SMOKE_GUEST) is needed}
case "$mode" in
boot) seed=${5:-} ;;
crash|guests) what=$5 ;;
sched) sched=$5 other=$6 append=" sched=$other" ;;
esac
kconfig="sh $src/cmake/kconfig.sh $src $work"
rm -rf "$work"
mkdir -p "$work"

fail() {
    echo "config_test: FAIL: $*" >&2
    [ -n "$seed" ] && echo "config_test: reproduce with: KCONFIG_SEED=$seed make O=<dir> randconfig" >&2
    exit 1
}

# The first line of the report each debug_crash kind must produce.
crash_line() {
    case "$1" in
    panic)     echo '^\(XEN\) PANIC on CPU 0: debug_crash=panic requested' ;;
    bug)       echo '^\(XEN\) PANIC on CPU 0: BUG at .*crash_test.c:[0-9]+' ;;
    pagefault) echo '^\(XEN\) Fatal exception 14 \(page fault\) in Tessera, ring 0' ;;
    divide)    echo '^\(XEN\) Fatal exception 0 \(divide error\) in Tessera, ring 0' ;;
    opcode)    echo '^\(XEN\) Fatal exception 6 \(invalid opcode\) in Tessera, ring 0' ;;
    esac
}

configure() {
    case "$kind" in
    */*)         KCONFIG_STRICT=1 $kconfig defconfig "$kind" ||
                     fail "$kind: values dropped" ;;
    *_defconfig) KCONFIG_STRICT=1 $kconfig defconfig "$src/configs/$kind" ||
                     fail "$kind: values dropped" ;;
    randconfig)  KCONFIG_SEED=$seed $kconfig randconfig ;;
    *)           $kconfig "$kind" ;;
    esac
}

case "$mode" in
roundtrip)
    configure
    $kconfig savedefconfig >/dev/null
    diff -u "$src/configs/$kind" "$work/defconfig" ||
        fail "$kind is not savedefconfig output (diff above)"
    echo "config_test: $kind round trip ok"
    ;;
boot|crash|sched)
    configure
    echo "config_test: $kind ${seed:+seed $seed}: $(grep -c '=y' "$work/.config") options set"
    cmake -S "$src" -B "$work" -G Ninja -Wno-dev -DTESSERA_IMAGE_ONLY=ON >"$work/cmake.log" 2>&1 ||
        { cat "$work/cmake.log"; fail "$kind: configure failed"; }
    cmake --build "$work" --target tessera >"$work/build.log" 2>&1 ||
        { cat "$work/build.log"; fail "$kind: build failed"; }
    cp "$smoke" "$work/dom0"
    if [ "$mode" = crash ]; then
        exec python3 "$src/tests/harness/qemu_run.py" --kernel "$work/tessera" \
            --module "$work/dom0" --append "console=com1 noreboot debug_crash=$what" \
            --mode expect --timeout 60 \
            --expect "$(crash_line "$what")" \
            --expect '^\(XEN\) Call trace:' \
            --expect '^\(XEN\)   \[<fc5[0-9a-f]{5}>\]' \
            --expect '^\(XEN\)   \[<fc5[0-9a-f]{5}>\]' \
            --expect '^\(XEN\) Halting \(noreboot\) \(exit status 1\)' \
            --reject 'Powering off' --expect-exit 3
    fi
    if grep -qx 'CONFIG_SERIAL_16550=y' "$work/.config"; then
        selftest=.
        grep -qx 'CONFIG_DEBUG=y' "$work/.config" && selftest='^\(XEN\) mm: self-test passed'
        fallback=. chosen=.
        if [ "$mode" = sched ]; then
            fallback="^\\(XEN\\) sched=$other: no such scheduler in this build, using $sched\$"
            chosen="^\\(XEN\\) Scheduler: .* \\(sched=$sched\\)\$"
        fi
        set -- --expect '^\(XEN\) Tessera [0-9.]+, configuration' \
               --expect '^\(XEN\) Modules:' --expect "^\\(XEN\\)  module 0: .* '.*/dom0'" \
               --expect '^\(XEN\) Memory: ' --expect "$selftest" \
               --expect "$fallback" --expect "$chosen" \
               --expect '^Test result: SUCCESS' --expect '^\(XEN\) Powering off'
    else
        # No serial console to read: the clean exit status is the evidence.
        echo "config_test: no serial console in this configuration: judging by exit status"
        set --
    fi
    python3 "$src/tests/harness/qemu_run.py" --kernel "$work/tessera" --module "$work/dom0" \
        --append "console=com1$append" --mode expect --timeout 60 "$@" \
        --reject 'PANIC|Fatal exception|unknown boot option|malformed' \
        --expect-exit 1 || fail "$kind: boot failed"
    ;;
guests)
    configure
    cmake -S "$src" -B "$work" -G Ninja -Wno-dev >"$work/cmake.log" 2>&1 ||
        { cat "$work/cmake.log"; fail "$kind: configure failed"; }
    cmake --build "$work" >"$work/build.log" 2>&1 ||
        { cat "$work/build.log"; fail "$kind: build failed"; }
    (cd "$work" && ctest --output-on-failure -R "$what") || fail "$kind: guest tests failed"
    ;;
reject)
    if KCONFIG_STRICT=1 $kconfig defconfig "$kind" 2>"$work/err"; then
        fail "$kind was accepted"
    fi
    cat "$work/err"
    grep -q "did not survive" "$work/err" || fail "no report of the dropped values"
    echo "config_test: $kind rejected as it should be"
    ;;
*)
    fail "unknown mode $mode"
    ;;
esac
