#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# build-module.sh KERNEL_DIR OUT_DIR - build sctp_dar.ko (and, when the
# kernel has KUnit, sctp_dar_test.ko) for one kernel of the harness.
#
# The sources are copied to OUT_DIR first so that builds for several kernels
# never share object files. W=1 is on; the build log is OUT_DIR/build.log
# and any compiler or sparse warning in our files makes this script fail.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

kdir=${1:?usage: $0 KERNEL_DIR OUT_DIR}
out=${2:?usage: $0 KERNEL_DIR OUT_DIR}

mkdir -p "$out"
# rsync keeps timestamps, so an unchanged tree rebuilds nothing.
rsync -a --delete --exclude '*.o' --exclude '*.ko' --exclude '.*.cmd' \
	--exclude '*.mod' --exclude '*.mod.c' --exclude 'modules.order' \
	--exclude 'Module.symvers' --exclude build.log --exclude src-tree \
	"$SCTP_DAR_TOP/Kbuild" "$SCTP_DAR_TOP/src" "$SCTP_DAR_TOP/include" \
	"$out/src-tree/" 2>/dev/null || true
mkdir -p "$out/src-tree/tests"
# The KUnit suites share test vectors with the host unit tests.
rsync -a "$SCTP_DAR_TOP/tests/kunit" "$out/src-tree/tests/"
[[ -d $SCTP_DAR_TOP/tests/unit ]] && rsync -a --exclude build "$SCTP_DAR_TOP/tests/unit" "$out/src-tree/tests/"

if ! make -C "$kdir/build" M="$out/src-tree" W=1 ${SCTP_DAR_MAKEFLAGS:-} \
		modules >"$out/build.log" 2>&1; then
	tail -n 40 "$out/build.log" >&2
	vm_die "module build failed against $kdir (log: $out/build.log)"
fi
# Only our own files count: sparse also warns inside the kernel's headers
# (e.g. "array of flexible structures" in include/net/sctp/structs.h).
if grep -E "^($out/src-tree/|src/|include/|tests/)[^:]*:[0-9]+(:[0-9]+)?: (warning|error):" \
		"$out/build.log" >&2; then
	vm_die "module build has warnings against $kdir (log: $out/build.log)"
fi
echo "$out/src-tree"
