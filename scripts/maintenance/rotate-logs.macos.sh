#!/bin/sh
# helpline-script: rotate-logs
# description: Rotates and compresses log files larger than N MB in a directory, keeping K old copies.
# changes: For each log file in `dir` (and below) larger than `max_mb` MB: compresses a copy to <log>.1.gz, renumbers older copies (<log>.2.gz...), deletes copies beyond `keep`, empties the log in place.
# interpreter: sh
# platforms: macos
# timeout: 30m
# elevation: required
# param: dir path default=/var/log Directory of the logs.
# param: max_mb integer default=50 Rotate logs larger than this many MB (1-100000).
# param: keep integer default=5 Compressed old copies to keep per log (0-100; 0 only empties the log).
# param: dry_run boolean default=0 Only list what would be rotated.
# param: root path default=/ Resolve `dir` under this directory (for tests).

# macOS rotates its own logs with newsyslog; this is for logs that grow past it (applications,
# /Library/Logs). Uses the BSD tools of macOS.
# Exit codes: 0 done, 1 a log could not be rotated, 2 bad parameters.
set -u
# Rotated copies are readable by root only: logs may hold personal data.
umask 077

bad_param() {
	printf 'rotate-logs: %s\n' "$1" >&2
	exit 2
}
# number <name> <value> <max> [min]: a whole number without sign or leading zero.
number() {
	case $2 in
	0) [ "${4:-1}" = 0 ] && return 0 ;;
	'' | *[!0-9]* | 0*) ;;
	*) [ "${#2}" -le "${#3}" ] && [ "$2" -le "$3" ] && return 0 ;;
	esac
	bad_param "$1 must be a whole number from ${4:-1} to $3, got \"$2\""
}

dir=${HELPLINE_PARAM_DIR:-/var/log}
max_mb=${HELPLINE_PARAM_MAX_MB:-50}
keep=${HELPLINE_PARAM_KEEP:-5}
dry_run=${HELPLINE_PARAM_DRY_RUN:-0}
root=${HELPLINE_PARAM_ROOT:-/}
number max_mb "$max_mb" 100000
number keep "$keep" 100 0
case $dry_run in 0 | 1) ;; *) bad_param "dry_run must be 0 or 1, got \"$dry_run\"" ;; esac
case $root in /*) ;; *) bad_param "root must be an absolute path, got \"$root\"" ;; esac
[ -d "$root" ] || bad_param "root \"$root\" is not a directory"
# `dir` must stay under root: absolute, and no "." or ".." parts.
case $dir in /*) ;; *) bad_param "dir must be an absolute path, got \"$dir\"" ;; esac
case /$dir/ in */../* | */./*) bad_param "dir must not contain . or .. parts, got \"$dir\"" ;; esac
target="${root%/}$dir"
[ -d "$target" ] || bad_param "dir \"$dir\" is not a directory$([ "$root" != / ] && echo " under $root")"
target=${target%/}

echo "Logs larger than $max_mb MB in $target, keeping $keep compressed copies$([ "$dry_run" = 1 ] && echo ' (dry run: nothing is changed)')"

# rotate_one <file>: prints what it did; returns 1 when the log could not be rotated.
rotate_one() {
	f=$1
	mb=$(($(wc -c <"$f") / 1048576))
	if [ "$dry_run" = 1 ]; then
		echo "would rotate $f ($mb MB)"
		return 0
	fi
	if [ "$keep" -gt 0 ]; then
		# A plain <log>.1 left by another tool: compress it so numbering is uniform.
		if [ -f "$f.1" ]; then
			if [ -e "$f.1.gz" ]; then
				echo "PROBLEM: skipped $f: both $f.1 and $f.1.gz exist; sort them out by hand"
				return 1
			fi
			gzip -- "$f.1" || return 1
		fi
		rm -f -- "$f.$keep.gz"
		i=$((keep - 1))
		while [ "$i" -ge 1 ]; do
			if [ -e "$f.$i.gz" ]; then mv -f -- "$f.$i.gz" "$f.$((i + 1)).gz" || return 1; fi
			i=$((i - 1))
		done
		# Compress a copy, then empty the log in place: the program writing it keeps its open
		# file and goes on appending (logrotate's "copytruncate"; lines written in between the
		# two steps are lost). Compressing straight from the log needs the least free space.
		if ! { gzip -c -- "$f" >"$f.1.gz.tmp" && mv -f -- "$f.1.gz.tmp" "$f.1.gz"; }; then
			rm -f -- "$f.1.gz.tmp"
			echo "PROBLEM: could not compress $f (disk full?); left it as it was"
			return 1
		fi
	fi
	if ! : >"$f"; then
		echo "PROBLEM: could not empty $f"
		return 1
	fi
	echo "rotated $f ($mb MB)$([ "$keep" -gt 0 ] && echo " -> $f.1.gz")"
}

# Left out: copies already rotated (by newsyslog or this script; newsyslog numbers from 0) and
# the binary unified log, which macOS manages itself.
find "$target" -xdev '(' -type d '(' -name DiagnosticMessages -o -name '*.logarchive' ')' -prune ')' -o -type f -size +"${max_mb}M" \
	! -name '*.gz' ! -name '*.xz' ! -name '*.bz2' ! -name '*.zst' ! -name '*.[0-9]' ! -name '*.old' \
	! -name '*-[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]' ! -name '*.tmp' \
	! -name '*.asl' ! -name '*.tracev3' ! -name wtmp ! -name utmpx \
	-print | {
	count=0
	failed=0
	while IFS= read -r file; do
		if rotate_one "$file"; then count=$((count + 1)); else failed=$((failed + 1)); fi
	done

	if [ "$dry_run" = 1 ]; then verb='would rotate'; else verb=rotated; fi
	echo "Summary: $verb $count log(s)$([ "$failed" -gt 0 ] && echo ", $failed failed")"
	[ "$failed" -eq 0 ]
}
