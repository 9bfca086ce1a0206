#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# check.sh - install sctp_dar the way Debian users do, on the host, in
# scratch directories only, then boot what was installed:
#
#   tests/pkg/check.sh -o OUTDIR [-k "stock-6.1 stock-6.12"] [-H] [-v]
#
#   -H  host only: skip step 5 (no VM)
#
#  1. one version everywhere: src/version.h, debian/changelog, CHANGELOG.md,
#     the man pages, sctpaddr -V, modinfo of what DKMS built;
#  2. make dist: the tarball of HEAD unpacks and builds against the cached
#     6.1 headers;
#  3. dpkg-buildpackage -us -uc -b (from a copy of the tree) builds
#     sctp-dar-dkms and sctpaddr; lintian has nothing to say; the packages
#     hold what they should;
#  4. make dkms-install / dkms build / make dkms-remove in a scratch DKMS
#     tree against each kernel's cached headers (never /lib/modules, never
#     /var/lib/dkms); the source DKMS got is the one the package ships;
#  5. per kernel, a VM boots the module DKMS built and the sctpaddr the
#     package installed (tests/vm/run.sh SCTP_DAR_VM_MODULE /
#     SCTP_DAR_VM_SCTPADDR) and runs netns/roam_mbb.sh with them.
#
# Prints "PASS|FAIL<TAB>name<TAB>detail" lines (tests/run.sh collects them);
# logs in OUTDIR. Exits 1 if anything failed.
set -uo pipefail
. "$(dirname "$0")/../vm/lib.sh"

out="" kernels="stock-6.1 stock-6.12" verbose="" host_only=0
while getopts "o:k:Hv" opt; do
	case $opt in
	o) out=$OPTARG ;;
	k) kernels=$OPTARG ;;
	H) host_only=1 ;;
	v) verbose=-v ;;
	*) vm_die "usage: $0 -o OUTDIR [-k KERNELS] [-H] [-v]" ;;
	esac
done
[[ -n $out ]] || vm_die "usage: $0 -o OUTDIR [-k KERNELS] [-H] [-v]"
out=$(realpath -m "$out")
rm -rf "$out"
mkdir -p "$out"
top=$SCTP_DAR_TOP
failed=0

# res STATUS NAME [DETAIL]
res()
{
	printf '%s\t%s\t%s\n' "$1" "pkg/$2" "${3:-}"
	[[ $1 == FAIL ]] && failed=1
	return 0
}

# judge RC NAME [DETAIL-IF-FAILED]
judge()
{
	if (($1 == 0)); then
		res PASS "$2"
	else
		res FAIL "$2" "${3:-}"
	fi
}

ver=$(sed -n 's/^#define SCTP_DAR_VERSION "\(.*\)"/\1/p' "$top/src/version.h")
[[ -n $ver ]] || { res FAIL "version: src/version.h defines SCTP_DAR_VERSION"; exit 1; }

# ---- 1. one version ---------------------------------------------------------
deb_ver=$(dpkg-parsechangelog -l "$top/debian/changelog" -S Version)
log_ver=$(sed -n 's/^## \([0-9][^ ]*\).*/\1/p' "$top/CHANGELOG.md" | head -n 1)
bad=""
[[ ${deb_ver%-*} == "$ver" ]] || bad+=" debian/changelog=$deb_ver"
[[ $log_ver == "$ver" ]] || bad+=" CHANGELOG.md=$log_ver"
for m in tools/sctpaddr/sctpaddr.8 tools/sctp-dar-nft.8; do
	grep -q "^\.TH .*\"sctp_dar $ver\"" "$top/$m" || bad+=" $m"
done
make -s -C "$top/tools/sctpaddr" >"$out/sctpaddr-build.log" 2>&1
"$top/tools/sctpaddr/sctpaddr" -V 2>&1 | grep -q "^sctpaddr $ver " || bad+=" sctpaddr-V"
judge "$([[ -z $bad ]]; echo $?)" "version: $ver in version.h, debian/changelog, CHANGELOG.md, man pages, sctpaddr -V" "differs:$bad"

kdir61=$("$top/tests/vm/stock-kernel.sh" 6.1 2>>"$out/kernels.log")
declare -A kdirs=([stock-6.1]=$kdir61)
for k in $kernels; do
	[[ $k == stock-6.12 ]] && kdirs[$k]=$("$top/tests/vm/stock-kernel.sh" 6.12 2>>"$out/kernels.log")
done

# ---- 2. make dist -----------------------------------------------------------
rc=1
if (cd "$top" && git rev-parse HEAD) >/dev/null 2>&1 &&
   make -s -C "$top" dist >"$out/dist.log" 2>&1; then
	tarball=$top/build/sctp-dar-$ver.tar.gz
	mkdir -p "$out/dist"
	if tar -C "$out/dist" -xzf "$tarball" &&
	   make -C "$out/dist/sctp-dar-$ver" KDIR="$kdir61/build" KVER="$(cat "$kdir61/kver")" \
		>>"$out/dist.log" 2>&1 &&
	   [[ $(modinfo -F version "$out/dist/sctp-dar-$ver/sctp_dar.ko") == "$ver" ]] &&
	   [[ -x $out/dist/sctp-dar-$ver/tools/sctpaddr/sctpaddr ]]; then
		rc=0
	fi
fi
judge $rc "dist: make dist's sctp-dar-$ver.tar.gz builds module and sctpaddr against 6.1 headers" "see $out/dist.log"

# ---- 3. Debian packages -----------------------------------------------------
deb=$out/deb
src=$deb/sctp-dar-$ver
mkdir -p "$src"
(cd "$top" && git ls-files -co --exclude-standard -z | xargs -0 cp --parents -t "$src") 2>"$out/deb.log"
rc=0
(cd "$src" && dpkg-buildpackage -us -uc -b) >>"$out/deb.log" 2>&1 || rc=1
dkms_deb=$(compgen -G "$deb/sctp-dar-dkms_$ver-*_all.deb" | head -n 1)
tool_deb=$(compgen -G "$deb/sctpaddr_$ver-*_*.deb" | head -n 1)
[[ -n $dkms_deb && -n $tool_deb ]] || rc=1
judge $rc "deb: dpkg-buildpackage -us -uc -b builds sctp-dar-dkms and sctpaddr" "see $out/deb.log"

if ((rc == 0)); then
	lintian -I --pedantic "$deb"/sctp-dar_"$ver"-*.changes >"$out/lintian.log" 2>&1
	tags=$(grep -cE '^[EWIP]: ' "$out/lintian.log")
	judge "$tags" "deb: lintian -I --pedantic: no tags (the overridden ones are explained in debian/README.source)" \
		"$tags tag(s): $(grep -E '^[EWIP]: ' "$out/lintian.log" | head -n 3 | tr '\n' ' ')"

	root=$deb/root
	mkdir -p "$root"
	dpkg-deb -x "$dkms_deb" "$root" && dpkg-deb -x "$tool_deb" "$root"
	missing=""
	for f in usr/sbin/sctpaddr usr/sbin/sctp-dar-nft usr/share/man/man8/sctpaddr.8.gz \
		 usr/share/man/man8/sctp-dar-nft.8.gz usr/share/bash-completion/completions/sctpaddr \
		 "usr/src/sctp-dar-$ver/dkms.conf" "usr/src/sctp-dar-$ver/Kbuild" \
		 etc/sysctl.d/60-sctp-dar.conf etc/modprobe.d/sctp-dar-dkms.conf \
		 usr/share/doc/sctp-dar-dkms/examples/sctp-dar.modules-load.conf \
		 usr/share/doc/sctpaddr/examples/sctp-dar-nft.example.nft; do
		[[ -e $root/$f ]] || missing+=" $f"
	done
	judge "$([[ -z $missing ]]; echo $?)" "deb: the packages install the tool, man pages, completion, DKMS source, sysctl.d, modprobe.d, examples" "missing:$missing"

	# The sysctl.d file sets exactly the two keys; modprobe.d sets nothing.
	set_keys=$(grep -vE '^\s*(#|$)' "$root/etc/sysctl.d/60-sctp-dar.conf" | tr -d ' ' | sort | tr '\n' ' ')
	active=$(grep -cvE '^\s*(#|$)' "$root/etc/modprobe.d/sctp-dar-dkms.conf")
	params=$(grep -oE '^#options sctp_dar [a-z_]+' "$root/etc/modprobe.d/sctp-dar-dkms.conf" | awk '{print $3}' | sort | tr '\n' ' ')
	judge "$([[ $set_keys == "net.sctp.addip_enable=1 net.sctp.auth_enable=1 " && $active == 0 ]]; echo $?)" \
		"deb: sysctl.d sets addip_enable and auth_enable; modprobe.d is all comments" "sysctl: $set_keys; modprobe.d active lines: $active"
	# Every module parameter the source declares is documented there.
	declared=$(sed -nE 's/^module_param(_named|_cb)?\(([a-z_]+),.*/\2/p' "$top"/src/*.c | sort -u | tr '\n' ' ')
	judge "$([[ $params == "$declared" ]]; echo $?)" "deb: modprobe.d documents every module parameter" \
		"documented: $params; declared: $declared"
	grep -q "^DKMS_VERSION=$ver$" <(dpkg-deb --ctrl-tarfile "$dkms_deb" | tar -xO ./postinst)
	judge $? "deb: sctp-dar-dkms's postinst hands sctp-dar $ver to DKMS"
fi

# ---- 4. DKMS in a scratch tree ------------------------------------------------
dk=$out/dkms
mkdir -p "$dk/tree" "$dk/src" "$dk/install"
flags="--dkmstree $dk/tree --sourcetree $dk/src --installtree $dk/install --no-depmod"
declare -A dkms_mod=()
first=1
for k in $kernels; do
	kd=${kdirs[$k]:-}
	[[ -n $kd && -e $kd/.done ]] || { res FAIL "dkms/$k: kernel headers cached" "see $out/kernels.log"; continue; }
	kv=$(cat "$kd/kver")
	log=$out/dkms-$k.log
	# dkms installs only into a kernel's existing module directory.
	mkdir -p "$dk/install/$kv"
	if ((first)); then
		# make dkms-install: source to the (scratch) /usr/src, add, build, install.
		make -C "$top" dkms-install KVER="$kv" DKMS_SOURCETREE="$dk/src" \
			DKMS_FLAGS="$flags --kernelsourcedir $kd/build" >"$log" 2>&1
		rc=$?
		what="make dkms-install"
		first=0
	else
		# A kernel installed later: DKMS rebuilds the same source for it.
		# shellcheck disable=SC2086
		dkms install $flags --kernelsourcedir "$kd/build" -m sctp-dar -v "$ver" -k "$kv" >"$log" 2>&1
		rc=$?
		what="dkms install (a second kernel)"
	fi
	ko=$(compgen -G "$dk/install/$kv/updates/dkms/sctp_dar.ko*" | head -n 1)
	[[ -n $ko ]] || rc=1
	if ((rc == 0)); then
		mkdir -p "$dk/ko-$k"
		case $ko in
		*.xz) xz -dc "$ko" >"$dk/ko-$k/sctp_dar.ko" ;;
		*.zst) zstd -qdc "$ko" >"$dk/ko-$k/sctp_dar.ko" ;;
		*) cp "$ko" "$dk/ko-$k/sctp_dar.ko" ;;
		esac
		[[ $(modinfo -F version "$dk/ko-$k/sctp_dar.ko") == "$ver" &&
		   $(modinfo -F vermagic "$dk/ko-$k/sctp_dar.ko") == "$kv "* ]] || rc=1
		dkms_mod[$k]=$dk/ko-$k
	fi
	judge $rc "dkms/$k: $what builds sctp_dar $ver for $kv" "see $log"
done
if [[ -n ${root:-} && -d $dk/src/sctp-dar-$ver ]]; then
	diff -r "$dk/src/sctp-dar-$ver" "$root/usr/src/sctp-dar-$ver" >"$out/dkms-src.diff" 2>&1
	judge $? "dkms: make dkms-install and sctp-dar-dkms give DKMS the same source" "see $out/dkms-src.diff"
fi
make -C "$top" dkms-remove DKMS_SOURCETREE="$dk/src" DKMS_FLAGS="$flags" >"$out/dkms-remove.log" 2>&1
left=$(find "$dk/tree" "$dk/src" "$dk/install" -name 'sctp*' 2>/dev/null | head -n 3 | tr '\n' ' ')
judge "$([[ -z $left ]]; echo $?)" "dkms: make dkms-remove removes every build and the source" "left: $left"

# ---- 5. what was installed, in the VM ------------------------------------------
# One boot, on Debian 12's own kernel: the DKMS builds above cover every
# kernel; a second roam on 6.12 would only repeat netns/roam_mbb.sh's own
# run there, for make check's time budget.
((host_only)) && exit $failed
for k in $kernels; do
	[[ $k == stock-6.1 ]] || continue
	[[ -n ${dkms_mod[$k]:-} && -x ${root:-/nonexistent}/usr/sbin/sctpaddr ]] || {
		res FAIL "vm/$k: DKMS-built module and packaged sctpaddr roam" "nothing to boot (see above)"
		continue
	}
	log=$out/vm-$k.log
	SCTP_DAR_VM_MODULE=${dkms_mod[$k]} SCTP_DAR_VM_SCTPADDR=$root/usr/sbin/sctpaddr \
		"$top/tests/vm/run.sh" -k "$k" -o "$out/vm-$k" $verbose netns/roam_mbb.sh \
		>"$log.tsv" 2>"$log"
	rc=$?
	n=$(grep -cE '^(PASS|FAIL|SKIP) ' "$log.tsv")
	p=$(grep -c '^PASS ' "$log.tsv")
	s=$(grep -c '^SKIP ' "$log.tsv")
	((n > 0 && p + s == n && rc == 0)) && rc=0 || rc=1
	judge $rc "vm/$k: netns/roam_mbb.sh with the DKMS-built module and the packaged sctpaddr ($p/$n passed, $s skipped)" \
		"$(grep '^FAIL' "$log.tsv" | head -n 2 | tr '\n' ' ') see $log"
done
exit $failed
