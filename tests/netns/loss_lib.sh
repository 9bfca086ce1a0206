# SPDX-License-Identifier: GPL-2.0
#
# loss_lib.sh - the netem helpers roam_loss.sh and roam_loss_bbm.sh share
# (sourced, never run). The caller sets ENDS ("NS DEV" pairs: both ends of
# both paths) and LOSS (the case's loss) before calling lossy or burst.

# netem_set NS DEV SPEC...: DEV's root qdisc becomes netem SPEC.
netem_set()
{
	local ns=$1 dev=$2

	shift 2
	ip netns exec "$ns" tc qdisc replace dev "$dev" root netem "$@"
}

# lossy SPEC...: netem SPEC on both ends of both paths of the current
# topology ($ENDS: "NS DEV" pairs).
lossy()
{
	local i

	for ((i = 0; i < ${#ENDS[@]}; i += 2)); do
		netem_set "${ENDS[i]}" "${ENDS[i + 1]}" "$@" || return 1
	done
}

# burst: every packet on both paths dropped for 300 ms, then the
# case's loss again (LOSS).
burst()
{
	lossy loss 100% || return 1
	sleep 0.3
	lossy loss "$LOSS"
}
