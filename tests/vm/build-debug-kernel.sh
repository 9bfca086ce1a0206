#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# build-debug-kernel.sh - build, once, a KUnit + debug Linux 6.1 kernel for
# the sctp_dar test VM, and print the directory that holds it.
#
# Usage: tests/vm/build-debug-kernel.sh [--print-key | -h | --help]
#
# The kernel comes from Debian's linux-source-6.1 package (installed with
# apt-get if missing): `make tinyconfig`, then config/base.config and
# config/debug.config merged on top, then olddefconfig, then a check that
# every option the fragments ask for is in the final .config.
#
# Patches in patches/*.patch (applied in name order with patch -p1) fix
# stock-kernel bugs that only a debug kernel reports and that would
# otherwise hide sctp_dar's own code from it; each names its upstream bug
# in its header.  They are applied to this debug kernel only, never to the
# stock kernels (stock-kernel.sh), which users run unpatched.  The shared
# source tree is never modified: each file a patch touches is copied into
# the O= build directory and patched there, where make finds it before the
# source tree's copy (VPATH searches the current directory first), so
# ccache still serves every other file.
#
# Everything lives in a cache outside the git checkout:
#
#   $CACHE = ${SCTP_DAR_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sctp-dar}
#   $CACHE/src/linux-source-<pkgversion>/   unpacked source (read-only use)
#   $CACHE/ccache/                          compiler cache (max 5G)
#   $CACHE/kernels/debug-<key>.log          full log of the last build
#   $CACHE/kernels/debug-<key>/
#       vmlinuz            bzImage for qemu -kernel
#       build/             O= directory; KDIR for `make -C build M=<dir>`
#       modroot/lib/modules/<kernelrelease>/   modules_install + depmod
#       kver               kernelrelease
#       config             final .config
#       .done              written last; if present nothing is rebuilt
#
# <key> is the first 16 hex digits of a sha256 over both fragments, the
# patches, the package version and this script, so editing any of them
# builds a new kernel (ccache makes that quick when only comments changed).  The newest
# two debug-* kernels are kept, older ones are deleted.
#
# stdout: exactly one line, the kernel directory (or the key with
# --print-key).  stderr: progress lines; on failure the log's last 40 lines.
# A cold build takes several minutes on 2 cores; a cached run takes well
# under a second.

set -euo pipefail

readonly PKG=linux-source-6.1
readonly TARBALL=/usr/src/linux-source-6.1.tar.xz
readonly KEEP=2
readonly CCACHE_MAX=5G

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SELF=$SCRIPT_DIR/$(basename "${BASH_SOURCE[0]}")
BASE_CONFIG=$SCRIPT_DIR/config/base.config
DEBUG_CONFIG=$SCRIPT_DIR/config/debug.config
PATCH_DIR=$SCRIPT_DIR/patches
CACHE=${SCTP_DAR_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sctp-dar}
readonly SCRIPT_DIR SELF BASE_CONFIG DEBUG_CONFIG PATCH_DIR CACHE

LOG=/dev/null	# set once the key is known
SRC=''		# unpacked source tree (read-only use)
PATCHES=()	# patches/*.patch in the order they apply
TMP_OUT=''	# build in progress; removed if we do not finish
T0=$SECONDS

log()
{
	printf 'build-debug-kernel: %s\n' "$*" >&2
}

die()
{
	log "error: $*"
	exit 1
}

usage()
{
	sed -n '/^# Usage:/s/^# //p' "$SELF"
}

cleanup()
{
	if [[ -n $TMP_OUT && -d $TMP_OUT ]]; then
		rm -rf -- "$TMP_OUT"
	fi
}

# Run a command with its output appended to $LOG; on failure show the tail.
run()
{
	if ! "$@" >>"$LOG" 2>&1; then
		log "command failed: $*"
		log "last 40 lines of $LOG:"
		tail -n 40 "$LOG" >&2
		exit 1
	fi
}

elapsed()
{
	printf '%ds' $((SECONDS - T0))
}

# The cache must never end up inside the checkout (git would see it).
check_cache_location()
{
	local top cache_real

	top=$(git -C "$SCRIPT_DIR" rev-parse --show-toplevel 2>/dev/null) || return 0
	cache_real=$(realpath -m -- "$CACHE")
	if [[ $cache_real == "$top" || $cache_real == "$top"/* ]]; then
		die "cache $cache_real is inside the git checkout $top; set SCTP_DAR_CACHE"
	fi
}

pkg_version()
{
	dpkg-query -W -f='${Version}' "$PKG" 2>/dev/null
}

install_source_pkg()
{
	local sudo=() apt_log=$CACHE/src/apt.log

	[[ $EUID -eq 0 ]] || sudo=(sudo)
	mkdir -p "$CACHE/src"
	log "installing $PKG with apt-get (log: $apt_log)"
	export DEBIAN_FRONTEND=noninteractive
	if ! "${sudo[@]}" apt-get install -y "$PKG" >>"$apt_log" 2>&1; then
		"${sudo[@]}" apt-get update >>"$apt_log" 2>&1 ||
			die "apt-get update failed, see $apt_log"
		"${sudo[@]}" apt-get install -y "$PKG" >>"$apt_log" 2>&1 ||
			die "apt-get install $PKG failed, see $apt_log"
	fi
}

# The patches, in name order (glob order; name them NNNN-*.patch).
find_patches()
{
	local p

	PATCHES=()
	for p in "$PATCH_DIR"/*.patch; do
		[[ -f $p ]] && PATCHES+=("$p")
	done
	return 0
}

compute_key()
{
	local f p

	for f in "$BASE_CONFIG" "$DEBUG_CONFIG"; do
		[[ -r $f ]] || die "missing config fragment $f"
	done
	{
		printf 'base.config\n';  cat "$BASE_CONFIG"
		printf 'debug.config\n'; cat "$DEBUG_CONFIG"
		for p in "${PATCHES[@]}"; do
			printf 'patch %s\n' "$(basename "$p")"; cat "$p"
		done
		printf 'pkgversion %s\n' "$1"
		printf 'script\n';       cat "$SELF"
	} | sha256sum | cut -c1-16
}

check_tools()
{
	local t missing=()

	[[ $(uname -m) == x86_64 ]] || die "builds an x86_64 kernel; run on an x86_64 host"
	for t in make gcc ld bc bison flex perl tar xz sha256sum flock; do
		command -v "$t" >/dev/null || missing+=("$t")
	done
	[[ -e /usr/include/libelf.h ]] || missing+=("libelf-dev")
	((${#missing[@]} == 0)) ||
		die "missing build tools: ${missing[*]} (apt-get install build-essential bc bison flex libelf-dev libssl-dev)"
}

# Unpack the tarball once per package version.  The tree is unpacked
# beside its final name and renamed, so a partial unpack is never used.
unpack_source()
{
	local ver=$1 dst=$CACHE/src/linux-source-$1 tmp

	SRC=$dst
	[[ -f $dst/Makefile ]] && return 0
	[[ -r $TARBALL ]] || die "$TARBALL not found although $PKG $ver is installed"
	log "unpacking $TARBALL into $dst ($(elapsed))"
	mkdir -p "$CACHE/src"
	rm -rf -- "$dst"
	tmp=$(mktemp -d "$CACHE/src/.unpack.XXXXXX")
	TMP_OUT=$tmp
	tar -xf "$TARBALL" -C "$tmp" || die "unpacking $TARBALL failed"
	mv -- "$tmp/linux-source-6.1" "$dst"
	rm -rf -- "$tmp"
	TMP_OUT=''
}

# patch_build_dir O: copy each file the patches touch from $SRC into the
# build directory O and apply the patches there.
patch_build_dir()
{
	local b=$1 p f

	((${#PATCHES[@]})) || return 0
	command -v patch >/dev/null || die "patch not found (apt-get install patch)"
	for p in "${PATCHES[@]}"; do
		while IFS= read -r f; do
			[[ -e $b/$f || ! -e $SRC/$f ]] && continue
			mkdir -p "$b/$(dirname "$f")"
			cp -- "$SRC/$f" "$b/$f"
		done < <(sed -n 's#^+++ b/\([^[:space:]]*\).*#\1#p' "$p")
		run patch -d "$b" -p1 -N --no-backup-if-mismatch -r - -i "$p"
		log "applied $(basename "$p")"
	done
}

# check_patched_built O: every patched .c file was compiled from its copy
# in O, not from $SRC (its .o.cmd names the source kbuild used).
check_patched_built()
{
	local b=$1 p f cmd

	for p in "${PATCHES[@]}"; do
		while IFS= read -r f; do
			[[ $f == *.c ]] || continue
			cmd=$b/$(dirname "$f")/.$(basename "$f" .c).o.cmd
			[[ -f $cmd ]] || die "patched $f was not built ($cmd missing)"
			grep -q "^source_.* := $f\$" "$cmd" ||
				die "patched $f was built from another copy: $(grep '^source_' "$cmd")"
		done < <(sed -n 's#^+++ b/\([^[:space:]]*\).*#\1#p' "$p")
	done
}

# Every CONFIG_X=v line of the fragments must be in the final .config
# verbatim, and every "# CONFIG_X is not set" must not be set.  An option
# that did not stick usually lacks a dependency.
# shellcheck disable=SC2094 # reads $frag, greps $dotconfig
verify_config()
{
	local dotconfig=$1 frag line sym now bad=()

	for frag in "$BASE_CONFIG" "$DEBUG_CONFIG"; do
		while IFS= read -r line; do
			if [[ $line =~ ^(CONFIG_[A-Za-z0-9_]+)=.+$ ]]; then
				sym=${BASH_REMATCH[1]}
				grep -qxF -- "$line" "$dotconfig" && continue
			elif [[ $line =~ ^#\ (CONFIG_[A-Za-z0-9_]+)\ is\ not\ set$ ]]; then
				sym=${BASH_REMATCH[1]}
				grep -q "^$sym=" "$dotconfig" || continue
			else
				continue
			fi
			now=$(grep -E "^$sym=|^# $sym is not set" "$dotconfig" || true)
			bad+=("$(basename "$frag"): wanted '$line', got '${now:-absent (unmet dependency?)}'")
		done <"$frag"
	done
	if ((${#bad[@]})); then
		log "options that did not stick in the final .config:"
		printf '  %s\n' "${bad[@]}" >&2
		die "${#bad[@]} option(s) did not stick; fix the fragments"
	fi
}

# Copy the kernel's "CC foo.o" lines to the log, and every 1000th to stderr.
progress()
{
	awk -v logf="$LOG" '
		{ print >>logf; fflush(logf) }
		/^  CC / { if (++n % 1000 == 0) printf "build-debug-kernel:   %d files compiled\n", n >"/dev/stderr" }
	'
}

build_kernel()
{
	local key=$1 out=$2 src=$SRC b kver cc=gcc
	local -a mk

	mkdir -p "$CACHE/kernels"
	TMP_OUT=$(mktemp -d "$CACHE/kernels/.tmp-debug-$key.XXXXXX")
	b=$TMP_OUT/build
	mkdir -p "$b"

	if command -v ccache >/dev/null; then
		export CCACHE_DIR=$CACHE/ccache
		export CCACHE_NOHASHDIR=true
		mkdir -p "$CCACHE_DIR"
		ccache --max-size="$CCACHE_MAX" >/dev/null
		cc="ccache gcc"
	else
		log "ccache not found: building without it"
	fi
	# LOCALVERSION= keeps setlocalversion from appending "+"; the release
	# suffix comes from CONFIG_LOCALVERSION in debug.config.
	mk=(make -C "$src" O="$b" CC="$cc" LOCALVERSION=
	    KBUILD_BUILD_USER=sctp-dar KBUILD_BUILD_HOST=vm)

	log "configuring: tinyconfig + base.config + debug.config ($(elapsed))"
	run "${mk[@]}" tinyconfig
	run "$src/scripts/kconfig/merge_config.sh" -m -O "$b" "$b/.config" \
		"$BASE_CONFIG" "$DEBUG_CONFIG"
	run "${mk[@]}" olddefconfig
	verify_config "$b/.config"
	patch_build_dir "$b"

	log "building bzImage and modules with -j$(nproc), log: $LOG ($(elapsed))"
	if ! "${mk[@]}" -j"$(nproc)" bzImage modules 2>&1 | progress; then
		log "kernel build failed; last 40 lines of $LOG:"
		tail -n 40 "$LOG" >&2
		exit 1
	fi
	check_patched_built "$b"

	log "installing modules ($(elapsed))"
	kver=$(cat "$b/include/config/kernel.release")
	[[ -n $kver ]] || die "could not read kernelrelease"
	run "${mk[@]}" INSTALL_MOD_PATH="$TMP_OUT/modroot" \
		DEPMOD="$(command -v depmod || echo /sbin/depmod)" modules_install
	[[ -s $TMP_OUT/modroot/lib/modules/$kver/modules.dep ]] ||
		die "depmod did not run (is kmod installed?)"
	# modules_install links build/ and source/ to absolute paths, which
	# break when the directory is renamed: point build at ../../../../build.
	rm -f "$TMP_OUT/modroot/lib/modules/$kver/build" \
		"$TMP_OUT/modroot/lib/modules/$kver/source"
	ln -s ../../../../build "$TMP_OUT/modroot/lib/modules/$kver/build"

	cp "$b/arch/x86/boot/bzImage" "$TMP_OUT/vmlinuz"
	cp "$b/.config" "$TMP_OUT/config"
	printf '%s\n' "$kver" >"$TMP_OUT/kver"

	rm -rf -- "$out"
	mv -- "$TMP_OUT" "$out"
	TMP_OUT=''
	touch "$out/.done"
	log "built $kver in $(elapsed)"
}

# Keep the newest $KEEP finished kernels; drop unfinished leftovers (we hold
# the lock, so no other build is running) and sources no kernel uses.
prune()
{
	local d n=0 s used

	rm -rf -- "$CACHE"/kernels/.tmp-debug-* "$CACHE"/src/.unpack.*
	while IFS= read -r d; do
		d=${d%/.done}
		n=$((n + 1))
		((n > KEEP)) || continue
		log "removing old kernel $d"
		rm -rf -- "$d" "$d.log"
	done < <(ls -1t "$CACHE"/kernels/debug-*/.done 2>/dev/null)
	for d in "$CACHE"/kernels/debug-*/; do
		[[ -f $d/.done ]] || rm -rf -- "$d"
	done
	for s in "$CACHE"/src/linux-source-*/; do
		[[ -d $s ]] || continue
		used=0
		for d in "$CACHE"/kernels/debug-*/build; do
			[[ -e $d ]] || continue
			[[ $(readlink -f "$d/source") == "$(readlink -f "$s")" ]] && used=1
		done
		[[ ${s%/} == "$SRC" ]] && used=1
		((used)) || { log "removing unused source ${s%/}"; rm -rf -- "$s"; }
	done
}

main()
{
	local print_key=0 ver key out

	case ${1:-} in
	'') ;;
	--print-key) print_key=1 ;;
	-h | --help) usage; exit 0 ;;
	*) usage >&2; exit 2 ;;
	esac

	check_cache_location
	find_patches
	if ! ver=$(pkg_version) || [[ -z $ver ]]; then
		((print_key == 0)) ||
			die "$PKG is not installed; run without --print-key to install it"
		install_source_pkg
		ver=$(pkg_version) || die "$PKG still not installed"
	fi
	key=$(compute_key "$ver")
	if ((print_key)); then
		printf '%s\n' "$key"
		exit 0
	fi

	out=$CACHE/kernels/debug-$key
	if [[ -f $out/.done ]]; then
		printf '%s\n' "$out"
		exit 0
	fi

	check_tools
	mkdir -p "$CACHE/kernels"
	# One build at a time per cache; a waiter may find the work done.
	exec 9>"$CACHE/kernels/.lock"
	if ! flock -n 9; then
		log "another build holds $CACHE/kernels/.lock, waiting"
		flock 9
	fi
	if [[ -f $out/.done ]]; then
		printf '%s\n' "$out"
		exit 0
	fi

	trap cleanup EXIT
	LOG=$out.log
	: >"$LOG"
	log "kernel $key not cached: building $PKG $ver (takes minutes)"
	unpack_source "$ver"
	build_kernel "$key" "$out"
	prune
	printf '%s\n' "$out"
}

main "$@"
