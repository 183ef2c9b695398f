#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Build a BIOS-bootable GRUB 2 rescue ISO that boots Tessera with its modules.
#
#   tools/mkiso.sh OUT.iso TESSERA "hv options" [MODULE "module args"]...
#
# Files land in /boot/ under their base names. GRUB 2 passes only the
# arguments on the multiboot/module lines (no file name); Tessera expects that.
# The ISO's menu talks on COM1 at 115200 baud as well as on the screen.
set -eu

GRUB_DIR=${GRUB_DIR:-/usr/lib/grub/i386-pc}

usage() {
    echo "usage: $0 OUT.iso TESSERA \"hv options\" [MODULE \"module args\"]..." >&2
    exit 2
}

die() {
    echo "mkiso: $*" >&2
    exit 1
}

# Print the words of $1 as GRUB script words. Words made only of safe characters
# stay bare; others are single-quoted so GRUB does not expand $, ;, # and the like.
# Each word stays a separate argument: GRUB re-quotes an argument holding a space.
grub_words() {
    out=
    set -f
    for w in $1; do
        case $w in
        *[!A-Za-z0-9_.,:/=+@%-]*)
            w="'$(printf '%s' "$w" | sed "s/'/'\\\\''/g")'"
            ;;
        esac
        out="$out $w"
    done
    set +f
    printf '%s' "$out"
}

check_tools() {
    command -v grub-mkrescue >/dev/null 2>&1 ||
        die "grub-mkrescue not found (install grub-common and grub-pc-bin)"
    command -v xorriso >/dev/null 2>&1 || die "xorriso not found (install xorriso)"
    [ -f "$GRUB_DIR/modinfo.sh" ] ||
        die "no BIOS GRUB modules in $GRUB_DIR (install grub-pc-bin)"
}

# Copy $1 to /boot/$2 in the tree, refusing to overwrite an earlier file.
add_file() {
    { [ -f "$1" ] && [ -r "$1" ]; } || die "cannot read $1"
    case $2 in
    grub | *[!A-Za-z0-9_.+-]*) die "unusable file name for the ISO: $2" ;;
    esac
    [ ! -e "$tree/boot/$2" ] || die "two files named $2"
    cp "$1" "$tree/boot/$2"
}

# One menu entry: title, hypervisor options, then the module lines.
menu_entry() {
    printf "\nmenuentry '%s' {\n" "$1"
    printf '    multiboot /boot/tessera%s\n' "$(grub_words "$2")"
    printf '%s' "$modules"
    printf '}\n'
}

write_cfg() {
    cat <<'EOF'
# Written by tools/mkiso.sh.
serial --unit=0 --speed=115200
terminal_input serial console
terminal_output serial console
set timeout=1
set default=0
EOF
    menu_entry 'Tessera' "$hv_opts"
    menu_entry 'Tessera (serial console only, no reboot)' "$hv_opts console=com1 noreboot"
}

[ $# -ge 3 ] || usage
[ $(($# % 2)) -eq 1 ] || usage
out=$1
kernel=$2
hv_opts=$3
shift 3
check_tools

tree=
cleanup() {
    [ -z "$tree" ] || rm -rf "$tree"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
tree=$(mktemp -d "${TMPDIR:-/tmp}/mkiso.XXXXXX")
mkdir -p "$tree/boot/grub"

add_file "$kernel" tessera
modules=
while [ $# -gt 0 ]; do
    name=$(basename "$1")
    add_file "$1" "$name"
    modules="$modules    module /boot/$name$(grub_words "$2")
"
    shift 2
done

write_cfg >"$tree/boot/grub/grub.cfg"

if ! log=$(grub-mkrescue -o "$out" -d "$GRUB_DIR" --modules="multiboot normal serial" \
        "$tree" 2>&1); then
    printf '%s\n' "$log" >&2
    rm -f "$out"
    die "grub-mkrescue failed"
fi
echo "mkiso: wrote $out"
