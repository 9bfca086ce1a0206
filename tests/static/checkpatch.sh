#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# checkpatch.sh FILE...  - run the kernel's checkpatch.pl --strict on files.
# checkpatch.sh --path   - only make sure it is unpacked; print its path.
#
# checkpatch.pl comes from Debian's linux-source-6.1 (the same tree the
# debug kernel is built from), unpacked once into the cache.
set -euo pipefail
. "$(dirname "$0")/../vm/lib.sh"

tarball=/usr/src/linux-source-6.1.tar.xz
[[ -e $tarball ]] || vm_ensure_host_pkgs
ver=$(dpkg-query -W -f='${Version}' linux-source-6.1)
dir=$SCTP_DAR_CACHE/checkpatch-$ver
if [[ ! -e $dir/.done ]]; then
	rm -rf "$dir"
	mkdir -p "$dir"
	tar -xJf "$tarball" -C "$dir" --strip-components=1 \
		linux-source-6.1/scripts/checkpatch.pl \
		linux-source-6.1/scripts/spelling.txt \
		linux-source-6.1/scripts/const_structs.checkpatch
	touch "$dir/.done"
fi
if [[ ${1:-} == --path ]]; then
	echo "$dir/scripts/checkpatch.pl"
	exit 0
fi
# checkpatch caches camelcase words in its working directory: not ours.
cd "$SCTP_DAR_CACHE"
exec perl "$dir/scripts/checkpatch.pl" --strict --no-tree --show-types \
	--no-summary --quiet -f "$@"
