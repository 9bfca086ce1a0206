#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# stock-kernel.sh - fetch and unpack one of Debian's stock kernels into the
# cache and print the directory holding it:
#
#   stock-kernel.sh 6.1     # Debian 12's kernel (linux-image-amd64)
#   stock-kernel.sh 6.12    # Debian 13's kernel, as packaged for bookworm
#
# The directory has the layout every kernel flavour of the harness shares:
#   vmlinuz        the kernel image
#   build/         a tree to build modules against (make -C build M=...)
#   modroot/       a root holding lib/modules/<kver>/ (the unsigned modules)
#   kver           the kernel release string
#   .done          written last: a directory without it is incomplete
#
# The newest version apt knows is used; when apt cannot be reached the
# newest complete directory already in the cache is used instead.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

series=${1:-}
case $series in
6.1|6.12) ;;
*) vm_die "usage: $0 6.1|6.12" ;;
esac

resolve_pkgver()
{
	local abi

	vm_apt_lists
	if [[ $series == 6.1 ]]; then
		abi=$(apt-cache depends linux-image-amd64 2>/dev/null |
		      sed -n 's/.*Depends: linux-image-\(6\.1\.0-[0-9]*\)-amd64$/\1/p' |
		      head -n 1)
		[[ -n $abi ]] || return 1
		echo "$abi-amd64"
	else
		apt-cache search --names-only \
			'^linux-image-6\.12\.[0-9]+\+deb12-amd64-unsigned$' 2>/dev/null |
			sed -n 's/^linux-image-\(6\.12\.[0-9]*+deb12-amd64\)-unsigned .*/\1/p' |
			sort -V | tail -n 1
	fi
}

newest_cached()
{
	local d

	for d in $(ls -d "$SCTP_DAR_CACHE"/kernels/stock-"$series".* 2>/dev/null | sort -V -r); do
		[[ -e $d/.done ]] && { echo "$d"; return 0; }
	done
	return 1
}

kver=$(resolve_pkgver || true)
if [[ -z $kver ]]; then
	dir=$(newest_cached) || vm_die "cannot resolve Debian's $series kernel (apt unreachable?) and none is cached"
	vm_log "apt did not answer; using cached $dir"
	echo "$dir"
	exit 0
fi

dir=$SCTP_DAR_CACHE/kernels/stock-$kver
if [[ -e $dir/.done ]]; then
	echo "$dir"
	exit 0
fi

vm_log "fetching Debian kernel $kver"
debs=$SCTP_DAR_CACHE/debs
mkdir -p "$debs"
common=${kver%-amd64}
if [[ $series == 6.1 ]]; then
	kbuild=linux-kbuild-6.1
else
	kbuild=linux-kbuild-${kver%-amd64}
fi
pkgs=("linux-image-$kver-unsigned" "linux-headers-$kver"
      "linux-headers-$common-common" "$kbuild")
(cd "$debs" && apt-get download "${pkgs[@]}" >&2) ||
	vm_die "apt-get download ${pkgs[*]} failed"

tmp=$dir.tmp.$$
rm -rf "$tmp"
mkdir -p "$tmp/root"
for p in "${pkgs[@]}"; do
	deb=$(ls -t "$debs/${p}_"*.deb | head -n 1)
	dpkg-deb -x "$deb" "$tmp/root"
done

# The headers' Makefile includes the common half by absolute path.
hdr=$tmp/root/usr/src/linux-headers-$kver
sed -i "s|^include /usr/src/|include $dir/root/usr/src/|" "$hdr/Makefile"
# Debian generates modules.dep at install time; do it here.
depmod -b "$tmp/root" "$kver"
ln -s "root/usr/src/linux-headers-$kver" "$tmp/build"
ln -s "root/boot/vmlinuz-$kver" "$tmp/vmlinuz"
ln -s root "$tmp/modroot"
echo "$kver" > "$tmp/kver"
touch "$tmp/.done"

rm -rf "$dir"
mv "$tmp" "$dir"
vm_log "kernel $kver ready in $dir"
echo "$dir"
