#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# run.sh - `make demo`: boot Debian's stock 6.1 kernel in QEMU and show an
# association roaming from path A to path B (tests/demo/roam.sh), first with
# the stock kernel's own mechanism, then with sctp_dar, with the timeline the
# VM measured for each.
set -uo pipefail
. "$(dirname "$0")/../vm/lib.sh"

kernel=${K:-stock-6.1}
vm_ensure_host_pkgs
out=$SCTP_DAR_TOP/build/demo
mkdir -p "$out"
echo "Booting $kernel in QEMU (TCG; about a minute)..."
"$SCTP_DAR_TOP/tests/vm/run.sh" -k "$kernel" -o "$out" -t 180 demo/roam.sh \
	>"$out/results.txt" 2>"$out/run.log"
rc=$?
sed -n '/^@@SCTPDAR BEGIN demo/,/^@@SCTPDAR END demo/p' "$out/console.log" |
	sed -n 's/^# \{0,1\}//p'
echo
grep -E '^(PASS|FAIL|SKIP)' "$out/results.txt" | grep -v 'no kernel splat\|ran to completion'
if ((rc)); then
	echo "demo failed; console: $out/console.log" >&2
	tail -n 5 "$out/run.log" >&2
fi
exit $rc
