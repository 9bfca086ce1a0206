#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# lib.sh - shared helpers of the VM harness (sourced, never run).
#
# Everything big (kernel packages, unpacked kernels, the debug kernel build,
# ccache, initramfs images) lives in the cache, outside the checkout:
#   ${SCTP_DAR_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sctp-dar}

SCTP_DAR_TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SCTP_DAR_CACHE=${SCTP_DAR_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sctp-dar}
export SCTP_DAR_TOP SCTP_DAR_CACHE

# Host packages the harness needs, by the command that proves each present.
SCTP_DAR_HOST_PKGS=(
	"qemu-system-x86_64:qemu-system-x86"
	"busybox:busybox-static"
	# The package itself, not just gcc and make: dpkg-buildpackage
	# (tests/pkg) refuses to build without it, and a new machine may
	# have gcc and make alone (seen in a debootstrap'd one).
	"/usr/share/build-essential/list:build-essential"
	"bc:bc"
	"bison:bison"
	"flex:flex"
	"ccache:ccache"
	"sparse:sparse"
	"cpio:cpio"
	"rsync:rsync"
	"pahole:dwarves"
	"depmod:kmod"
	"xz:xz-utils"
	"zstd:zstd"
	"jq:jq"
	"ip:iproute2"
	"bash:bash"
	"perl:perl"
	"/usr/bin/python3:python3"
	"sctp_darn:lksctp-tools"
	"/usr/include/netinet/sctp.h:libsctp-dev"
	"/usr/include/libmnl/libmnl.h:libmnl-dev"
	"/usr/include/libelf.h:libelf-dev"
	"/usr/include/openssl/ssl.h:libssl-dev"
	"/usr/src/linux-source-6.1.tar.xz:linux-source-6.1"
	"clang:clang"
	"/usr/lib/python3/dist-packages/yaml/__init__.py:python3-yaml"
	"/usr/lib/python3/dist-packages/jsonschema/__init__.py:python3-jsonschema"
	"/usr/lib/llvm-14/lib/clang/14.0.6/lib/linux/libclang_rt.fuzzer-x86_64.a:libclang-rt-14-dev"
	# tests/tools/usrsctp_peer: an SCTP end that is not Linux.
	"/usr/include/usrsctp.h:libusrsctp-dev"
	# tests/pkg (DKMS, Debian packages) and netns/firewall.sh (nft)
	"dkms:dkms"
	"dh_dkms:dh-dkms"
	"dh:debhelper"
	"dpkg-buildpackage:dpkg-dev"
	"lintian:lintian"
	"nft:nftables"
	# make bench: iperf3 and tcpdump run in the guest, gnuplot on the host.
	"iperf3:iperf3"
	"tcpdump:tcpdump"
	"gnuplot:gnuplot-nox"
)

vm_log()
{
	printf '%s\n' "$*" >&2
}

vm_die()
{
	printf 'error: %s\n' "$*" >&2
	exit 1
}

# Install whatever host package is missing (root and apt are available on
# the machines this runs on; elsewhere, say what to install).
vm_ensure_host_pkgs()
{
	local entry probe pkg missing=()

	for entry in "${SCTP_DAR_HOST_PKGS[@]}"; do
		probe=${entry%%:*}
		pkg=${entry#*:}
		if [[ $probe == /* ]]; then
			[[ -e $probe ]] && continue
		else
			command -v "$probe" >/dev/null 2>&1 && continue
			[[ -x /usr/sbin/$probe || -x /sbin/$probe ]] && continue
		fi
		missing+=("$pkg")
	done
	((${#missing[@]})) || return 0
	mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
	if [[ $(id -u) -ne 0 ]]; then
		vm_die "missing packages: ${missing[*]} (install them as root)"
	fi
	vm_log "installing: ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	if ! apt-get install -y --no-install-recommends "${missing[@]}" >&2; then
		apt-get update >&2 || vm_die "apt-get update failed"
		apt-get install -y --no-install-recommends "${missing[@]}" >&2 ||
			vm_die "apt-get install ${missing[*]} failed"
	fi
}

# Make sure the apt lists exist (a fresh machine may have none).
vm_apt_lists()
{
	if ! compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null; then
		apt-get update >&2 || vm_die "apt-get update failed"
	fi
}
