#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# initramfs.sh KERNEL_DIR MODULE_TREE OUT - build the test VM's initramfs.
#
# Contents: busybox (applets installed at boot), bash, iproute2 (ip, tc, ss),
# jq, lksctp-tools programs, our tools (sctpaddr, sctp_stream), the kernel
# modules the tests need (with their dependencies, decompressed), sctp_dar.ko
# and sctp_dar_test.ko under lib/modules/<kver>/extra, the test scripts under
# /tests and tests/vm/guest-init.sh as /init.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

kdir=${1:?usage: $0 KERNEL_DIR MODULE_TREE OUT}
modtree=${2:?usage: $0 KERNEL_DIR MODULE_TREE OUT}
out=${3:?usage: $0 KERNEL_DIR MODULE_TREE OUT}

# Kernel modules the tests load; built-in ones are simply not found.
KMODS=(sctp sctp_diag inet_diag veth dummy sch_netem crc32c_generic
       libcrc32c udp_tunnel ip6_udp_tunnel)
# netns/firewall.sh: nftables (and its netlink) for the firewall namespace.
KMODS+=(nf_tables nfnetlink)
# netns/roam_auth.sh: a peer rewritten by nfq_authlist (NFQUEUE).
KMODS+=(nft_queue nfnetlink_queue)
# netns/roam_nat.sh: masquerading NAT44 routers (not in the debug kernel).
KMODS+=(nf_conntrack nf_nat nft_chain_nat nft_masq)
# Host programs copied with their shared libraries.
BINS=(/bin/bash /sbin/ip /sbin/tc /bin/ss /usr/bin/jq /usr/bin/sctp_darn
      /usr/bin/sctp_test /usr/bin/checksctp)
# make bench: throughput and the capture of ASCONFs on the wire.
BINS+=(/usr/bin/iperf3 /usr/bin/tcpdump)
# netns/firewall.sh: the firewall between the peers.
BINS+=(/usr/sbin/nft)

kver=$(cat "$kdir/kver")
root=$(mktemp -d "${TMPDIR:-/tmp}/sctp-dar-initramfs.XXXXXX")
trap 'rm -rf "$root"' EXIT
# mktemp made it 0700: it becomes the VM's "/", which tests enter as an
# unprivileged user too.
chmod 755 "$root"

mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,lib,lib64,etc,proc,sys,dev,run,tmp,root,var,tests}
ln -s ../run "$root/var/run"
cp /bin/busybox "$root/bin/busybox"
# The kernel's request_module() runs /sbin/modprobe.
ln -s ../bin/busybox "$root/sbin/modprobe"

copy_with_libs()
{
	local bin=$1 dest=${2:-$1} lib

	mkdir -p "$root$(dirname "$dest")"
	cp -L "$bin" "$root$dest"
	for lib in $(ldd "$bin" 2>/dev/null | grep -o '/[^ ]*' || true); do
		[[ -e $root$lib ]] && continue
		mkdir -p "$root$(dirname "$lib")"
		cp -L "$lib" "$root$lib"
	done
}

for b in "${BINS[@]}"; do
	[[ -x $b ]] || b=$(command -v "$(basename "$b")" || true)
	[[ -n $b && -x $b ]] || vm_die "missing host program for the VM: ${b:-?}"
	copy_with_libs "$b" "/usr/bin/$(basename "$b")"
done
# kmod's modinfo (busybox's lacks the parm: lines the tests read).
copy_with_libs /bin/kmod /usr/bin/kmod
ln -s kmod "$root/usr/bin/modinfo"
# sctp-dar-nft and its example ruleset (netns/firewall.sh).
cp "$SCTP_DAR_TOP/tools/sctp-dar-nft" "$root/usr/bin/"
mkdir -p "$root/usr/share/sctp-dar"
cp "$SCTP_DAR_TOP/tools/sctp-dar-nft.example.nft" "$root/usr/share/sctp-dar/"
# sctpaddr (SCTP_DAR_VM_SCTPADDR: another build of it, e.g. the one a
# Debian package installed) and every test tool tests/tools/Makefile built.
for t in "${SCTP_DAR_VM_SCTPADDR:-$SCTP_DAR_TOP/tools/sctpaddr/sctpaddr}" "$SCTP_DAR_TOP"/tests/tools/*; do
	[[ -f $t && -x $t ]] || continue
	copy_with_libs "$t" "/usr/bin/$(basename "$t")"
done

# Kernel modules: resolve dependencies with the kernel's modules.dep.
src_mods=$kdir/modroot/lib/modules/$kver
dst_mods=$root/lib/modules/$kver
mkdir -p "$dst_mods/extra"
cp "$src_mods"/modules.{order,builtin} "$dst_mods/" 2>/dev/null || true
cp "$src_mods"/modules.builtin.modinfo "$dst_mods/" 2>/dev/null || true
declare -A seen=()
add_module()
{
	local name=$1 rel dep line

	line=$(grep -E "(^|/)${name//_/[_-]}\.ko(\.xz|\.zst|\.gz)?:" "$src_mods/modules.dep" || true)
	[[ -n $line ]] || return 0
	rel=${line%%:*}
	[[ -n ${seen[$rel]:-} ]] && return 0
	seen[$rel]=1
	mkdir -p "$dst_mods/$(dirname "$rel")"
	case $rel in
	*.xz) xz -dc "$src_mods/$rel" >"$dst_mods/${rel%.xz}" ;;
	*.zst) zstd -qdc "$src_mods/$rel" >"$dst_mods/${rel%.zst}" ;;
	*.gz) gzip -dc "$src_mods/$rel" >"$dst_mods/${rel%.gz}" ;;
	*) cp "$src_mods/$rel" "$dst_mods/$rel" ;;
	esac
	for dep in ${line#*:}; do
		dep=$(basename "$dep")
		add_module "${dep%%.ko*}"
	done
}
for m in "${KMODS[@]}"; do
	add_module "$m"
done
cp "$modtree"/sctp_dar.ko "$dst_mods/extra/"
[[ -e $modtree/tests/kunit/sctp_dar_test.ko ]] &&
	cp "$modtree"/tests/kunit/sctp_dar_test.ko "$dst_mods/extra/"
# modules.order lists compressed names on 6.12; depmod only needs the files.
sed -i 's/\.ko\.\(xz\|zst\|gz\)$/.ko/' "$dst_mods/modules.order" 2>/dev/null || true
depmod -b "$root" "$kver"

# Tests and the init script.
cp -r "$SCTP_DAR_TOP/tests/netns" "$root/tests/"
[[ -d $SCTP_DAR_TOP/tests/demo ]] && cp -r "$SCTP_DAR_TOP/tests/demo" "$root/tests/"
[[ -d $SCTP_DAR_TOP/tests/bench ]] && cp -r "$SCTP_DAR_TOP/tests/bench" "$root/tests/"
[[ -d $SCTP_DAR_TOP/tests/stress ]] && cp -r "$SCTP_DAR_TOP/tests/stress" "$root/tests/"
cp "$SCTP_DAR_TOP/tests/vm/guest-init.sh" "$root/init"
chmod +x "$root/init"
printf 'root:x:0:0:root:/root:/bin/bash\nnobody:x:65534:65534:nobody:/:/bin/false\n' >"$root/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"
printf '127.0.0.1 localhost\n::1 localhost\n' >"$root/etc/hosts"

(cd "$root" && find . -print0 | cpio --null -o -H newc --quiet | gzip -1) >"$out.tmp"
mv "$out.tmp" "$out"
