#!/bin/sh
# helpline-script: clean-temp
# description: Deletes temporary files and caches older than N days.
# changes: Deletes files (not directories) under /tmp, /var/tmp, /root/.cache and users' ~/.cache last modified more than `days` days ago.
# interpreter: sh
# platforms: linux
# timeout: 10m
# elevation: required
# param: days integer default=7 Delete files older than this many days (1-3650).
# param: dry_run boolean default=0 Only list what would be deleted.
# param: root path default=/ Resolve every path under this directory (for tests).

# Parameters arrive only as HELPLINE_PARAM_* environment variables; they are validated here and
# only ever expanded inside double quotes, never evaluated.
# Exit codes: 0 done, 1 some files could not be deleted, 2 bad parameters.
set -u

bad_param() {
	printf 'clean-temp: %s\n' "$1" >&2
	exit 2
}

days=${HELPLINE_PARAM_DAYS:-7}
dry_run=${HELPLINE_PARAM_DRY_RUN:-0}
root=${HELPLINE_PARAM_ROOT:-/}

# A whole number without sign or leading zero (a leading zero would be read as octal by $(( ))).
case $days in
'' | *[!0-9]* | 0*) bad_param "days must be a whole number from 1 to 3650, got \"$days\"" ;;
esac
if [ "${#days}" -gt 4 ] || [ "$days" -gt 3650 ]; then bad_param "days must be a whole number from 1 to 3650, got \"$days\""; fi
case $dry_run in
0 | 1) ;;
*) bad_param "dry_run must be 0 or 1, got \"$dry_run\"" ;;
esac
case $root in
/*) ;;
*) bad_param "root must be an absolute path, got \"$root\"" ;;
esac
[ -d "$root" ] || bad_param "root \"$root\" is not a directory"
r=${root%/}

# find -mtime +N matches files whose age in whole days is more than N, so +(days-1) means
# "at least `days` days old".
age=$((days - 1))

# Lists (and unless dry_run deletes) old files below one directory as "<size>\t<path>" lines.
# Left alone: the X11/ICE socket directories and lock files in /tmp (deleting them breaks running
# desktop sessions) and systemd's private per-service temp directories. -xdev keeps find from
# wandering into other file systems mounted below the directory; symlinks are removed, never
# followed.
clean_dir() {
	set -- "$1" -xdev -mindepth 1 \
		! -path '*/.X11-unix/*' ! -path '*/.ICE-unix/*' ! -path '*/.XIM-unix/*' ! -path '*/.font-unix/*' \
		! -path '*/systemd-private-*' ! -name '.X*-lock' \
		'(' -type f -o -type l ')' -mtime "+$age"
	if [ "$dry_run" = 1 ]; then
		find "$@" -printf '%s\t%p\n'
	else
		# -delete comes first so that only files that really went are printed; find reports
		# the ones it could not delete on stderr and exits non-zero.
		find "$@" -delete -printf '%s\t%p\n' || printf 'FAILED\t%s\n' "$1"
	fi
}

if [ "$dry_run" = 1 ]; then verb='would delete'; else verb='deleted'; fi
echo "Cleaning files older than $days days under $root$([ "$dry_run" = 1 ] && echo ' (dry run: nothing is deleted)')"

# The home directories are globbed with $r quoted, so only the '*' is a pattern.
{
	for dir in "$r/tmp" "$r/var/tmp" "$r/root/.cache" "$r"/home/*/.cache; do
		[ -d "$dir" ] && [ ! -L "$dir" ] && clean_dir "$dir"
	done
} | awk -F '\t' -v verb="$verb" '
	# Prints the first 200 paths (the rest are counted) and a summary line.
	$1 == "FAILED" { failed = failed "\n  some files in " substr($0, 8) " could not be deleted (see errors above)"; next }
	{
		count++; bytes += $1
		if (count <= 200) print verb " " substr($0, length($1) + 2)
	}
	END {
		if (count > 200) print "... and " (count - 200) " more"
		printf "Summary: %s %d file(s), %.1f MB%s\n", verb, count, bytes / 1048576, failed
		exit failed == "" ? 0 : 1
	}'
