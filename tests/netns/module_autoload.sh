#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# kernels: debug stock-6.1
#
# module_autoload.sh - looking the sctp_dar generic-netlink family up does
# not load the module (it would start managing every wildcard-bound socket
# and hook every namespace), neither for an unprivileged user nor for root;
# sctpaddr then says in one line that the module is not loaded, with exit
# status 1; after modprobe it works. No topology: the initial namespace.
. "$(dirname "$0")/lib.sh"

MSG="Error: the sctp_dar module is not loaded (modprobe sctp_dar)."

tap_plan 4
require_own_tool sctpaddr
require_own_tool su
require_module sctp
if grep -q '^sctp_dar ' /proc/modules && ! rmmod sctp_dar; then
	tap_fail "unload sctp_dar left by an earlier script"
	tap_exit
fi

loaded() { grep -q '^sctp_dar ' /proc/modules; }

# cli NAME USER...: sctpaddr stats (a family lookup first) as USER: exit
# status 1, the one line above on stderr, nothing on stdout, and the
# module still not loaded.
cli()
{
	local name=$1 out rc err

	shift
	out=$("$@" "$(command -v sctpaddr)" stats 2>"$LIB_TMP/err")
	rc=$?
	err=$(cat "$LIB_TMP/err")
	if [[ $rc == 1 && $err == "$MSG" && -z $out ]] && ! loaded; then
		tap_ok "$name"
	else
		tap_diag "rc $rc, stdout '$out', stderr '$err', loaded: $(loaded && echo yes || echo no)"
		tap_fail "$name"
	fi
}

nobody() { su -s "$BASH" -c '"$0" "$@"' -- nobody "$@"; }

cli "an unprivileged lookup does not load sctp_dar; sctpaddr says so" nobody
cli "root's lookup does not load it either" env

# Without sctpaddr: the controller's own answer to a raw lookup.
if command -v nlraw >/dev/null; then
	got=$(nobody "$(command -v nlraw)" stats-get 2>&1)
	if [[ $got == "error family sctp_dar not found: No such file or directory" ]] &&
	   ! loaded; then
		tap_ok "a raw family lookup finds nothing and loads nothing"
	else
		tap_diag "nlraw: $got; loaded: $(loaded && echo yes || echo no)"
		tap_fail "a raw family lookup finds nothing and loads nothing"
	fi
else
	# nlraw is ours (tests/tools): missing means the image is broken.
	tap_diag "nlraw is not in the VM image (not built?)"
	tap_fail "a raw family lookup finds nothing and loads nothing"
fi

modprobe sctp_dar && sctpaddr stats >/dev/null
tap_result $? "after modprobe sctp_dar, sctpaddr works"
tap_exit
