#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# run.sh - `make demo`: boot Debian's stock 6.1 kernel in QEMU and show an
# association surviving a roam (tests/demo/roam.sh): make-before-break and
# break-before-make, each with the stock kernel's own mechanism and with
# sctp_dar. Prints each case's timeline (wire and kernel timestamps, in
# time order), draws the roam plot as a PNG and ends with one line per
# case saying what happened.
#
#   tests/demo/run.sh [-q] [-c] [-o DIR]
#
#   -q      quick: break-before-make waits 3 s for the stream, not 10
#   -c      check mode (make check's demo/quick): print only PASS/FAIL
#           lines, tab-separated, for the guest's cases and the picture
#   -o DIR  where everything goes (default build/demo)
#
# K=stock-6.12 (or debug) boots another kernel of the harness.
set -uo pipefail
. "$(dirname "$0")/../vm/lib.sh"

kernel=${K:-stock-6.1}
quick=0 check=0 out=$SCTP_DAR_TOP/build/demo
while getopts "qco:" opt; do
	case $opt in
	q) quick=1 ;;
	c) check=1 ;;
	o) out=$OPTARG ;;
	*) vm_die "usage: $0 [-q] [-c] [-o DIR]" ;;
	esac
done
wait_s=10
((quick)) && wait_s=3

# say TEXT: what a person reading `make demo` sees (nothing in check mode).
say()
{
	((check)) || printf '%s\n' "$*"
}

vm_ensure_host_pkgs
rm -rf "$out"
mkdir -p "$out"
# The module build and initramfs stay between runs (an unchanged tree
# rebuilds nothing); the console goes there too. make check's run shares
# the directory its own VM of that kernel has just used.
vmdir=$SCTP_DAR_TOP/build/demo-vm/$kernel
((check)) && vmdir=$SCTP_DAR_TOP/build/$kernel
start=$SECONDS
say "Booting $kernel in QEMU (software emulation: about two minutes)..."
SCTP_DAR_VM_ENV="DEMO_WAIT=$wait_s" \
	"$SCTP_DAR_TOP/tests/vm/run.sh" -k "$kernel" -o "$vmdir" -t 420 \
	-r "$out/results.tsv" demo/roam.sh >"$out/results.txt" 2>"$out/run.log"
rc=$?
cp "$vmdir/console.log" "$out/console.log" 2>/dev/null
tr -d '\r' <"$out/console.log" 2>/dev/null |
	sed -n '/^@@SCTPDAR BEGIN demo/,/^@@SCTPDAR END demo/p' >"$out/demo.txt"

# ---- the timelines --------------------------------------------------------
if ((!check)); then
	sed -n 's/^# \{0,1\}//p' "$out/demo.txt" | grep -v '^roam.sh: [0-9]* s$'
	echo
fi

# ---- the picture ------------------------------------------------------------
# One panel per roam, messages received by the mobile node against time
# since the roam's first event, stock and sctp_dar; dashed lines where the
# kernel reported B's address and the loss of A's carrier.
png=$out/roam.png
plot()
{
	local roam title c g=() label ms what y color stock_note

	for c in mbb-stock mbb-dar bbm-stock bbm-dar; do
		# In time order; a console line a kernel message broke is dropped.
		awk -v c="$c" '$1 == "@@DEMOSERIES" && $2 == c && NF == 4 &&
				$3 ~ /^-?[0-9]+\.[0-9]$/ && $4 ~ /^-?[0-9]+$/ { print $3, $4 }' \
			"$out/demo.txt" | sort -g -k1,1 >"$out/series-$c.dat"
	done
	g+=("set terminal pngcairo size 1100,900 font 'sans,11'"
	    "set output '$png'"
	    "set multiplot layout 2,1 title 'An SCTP association roaming from path A to path B: 1 KiB every 1 ms to the laptop' font 'sans,13'"
	    "set termoption noenhanced" "set grid" "set key below horizontal"
	    "set xrange [-500:3000]" "set xtics 250"
	    "set ylabel 'messages received by the laptop'")
	for roam in mbb bbm; do
		if [[ $roam == mbb ]]; then
			title="make-before-break: B's address appears, 1 s later A's cable is pulled"
			g+=("set xlabel 'ms since B appeared'")
		else
			title="break-before-make: A's cable is pulled, 100 ms later B's address appears"
			g+=("set xlabel 'ms since A''s cable was pulled'")
		fi
		g+=("set title \"$title\"" "unset arrow" "unset label")
		# The kernel's own times of the events, from the stock case
		# (the sctp_dar case's are the same within a few ms), and where
		# each case's peer acknowledged B (the first ASCONF-ACK).
		while read -r c ms what; do
			case $what in
			b-appears | a-pulled)
				label="B appears"
				[[ $what == a-pulled ]] && label="A's cable pulled"
				y=0.86
				[[ $roam == bbm && $what == b-appears ]] && y=0.78
				g+=("set arrow from $ms, graph 0 to $ms, graph 1 nohead dt 2 lw 1.5 lc rgb '#555555'"
				    "set label \"$label\" at $ms, graph $y left offset 0.5,0 textcolor rgb '#333333'")
				;;
			peer-acked)
				color="'#d62728'"
				[[ $c == *-dar ]] && color="'#1f77b4'"
				g+=("set label '' at $ms, graph 0.95 point pt 11 ps 2 lc rgb $color")
				;;
			esac
		done < <(awk -v r="$roam" '$1 == "@@DEMOMARK" && index($2, r "-") == 1 &&
				($4 == "peer-acked" || $2 == r "-stock") { print $2, $3, $4 }' "$out/demo.txt")
		stock_note=""
		grep -q "^@@DEMOSUMMARY $roam-stock .*never resumed" "$out/demo.txt" &&
			stock_note=" - never resumed (waited $wait_s s)"
		g+=("plot '$out/series-$roam-stock.dat' using 1:2 with lines lw 3 lc rgb '#d62728' title 'stock kernel (auto_asconf)$stock_note', \
'$out/series-$roam-dar.dat' using 1:2 with lines lw 2 lc rgb '#1f77b4' title 'sctp_dar', \
NaN with points pt 11 ps 1.5 lc rgb '#555555' title 'the peer acknowledged B (ASCONF-ACK on the wire)'")
	done
	g+=("unset multiplot")
	printf '%s\n' "${g[@]}" | gnuplot 2>"$out/gnuplot.log" && [[ -s $png ]]
}
plot
plotrc=$?

# ---- one line per case ------------------------------------------------------
summaries=$(sed -n 's/^@@DEMOSUMMARY [^ ]* //p' "$out/demo.txt")
nsum=$(grep -c . <<<"$summaries")
if ((check)); then
	cat "$out/results.tsv" 2>/dev/null
	grep -q '^booting' "$out/run.log" ||
		printf 'FAIL\tdemo/quick: VM setup\tsee %s\n' "$out/run.log"
	if ((plotrc == 0)); then
		printf 'PASS\tdemo/quick: the roam plot was drawn\t%s\n' "$png"
	else
		printf 'FAIL\tdemo/quick: the roam plot was drawn\tsee %s\n' "$out/gnuplot.log"
	fi
	if ((nsum == 4)); then
		printf 'PASS\tdemo/quick: one line per case saying what happened\t\n'
	else
		printf 'FAIL\tdemo/quick: one line per case saying what happened\t%s of 4\n' "$nsum"
	fi
else
	echo "What happened:"
	sed 's/^/  /' <<<"$summaries"
	grep -E '^FAIL' "$out/results.txt" | sed 's/^/  /'
	if ((plotrc == 0)); then
		echo "The picture: $png"
	else
		echo "The picture could not be drawn: see $out/gnuplot.log" >&2
	fi
	echo "make demo took $((SECONDS - start)) s (everything is in $out)."
fi
if ((rc)); then
	((check)) || echo "demo failed; console: $out/console.log" >&2
	((check)) || tail -n 5 "$out/run.log" >&2
fi
((rc == 0 && plotrc == 0 && nsum == 4))
