#!/bin/sh
# helpline-script: clean-temp
# description: Deletes temporary files and caches older than N days.
# changes: Deletes files (not folders) under /private/tmp, /private/var/tmp and users' ~/Library/Caches last modified more than `days` days ago.
# interpreter: sh
# platforms: macos
# timeout: 10m
# elevation: required
# param: days integer default=7 Delete files older than this many days (1-3650).
# param: dry_run boolean default=0 Only list what would be deleted.
# param: root path default=/ Resolve every path under this directory (for tests).

# Parameters arrive only as HELPLINE_PARAM_* environment variables; they are validated here and
# only ever expanded inside double quotes, never evaluated. Uses the BSD find of macOS.
# /private/var/folders (per-user temp managed by macOS itself) is left alone.
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
case $dry_run in 0 | 1) ;; *) bad_param "dry_run must be 0 or 1, got \"$dry_run\"" ;; esac
case $root in /*) ;; *) bad_param "root must be an absolute path, got \"$root\"" ;; esac
[ -d "$root" ] || bad_param "root \"$root\" is not a directory"
r=${root%/}

# find -mtime +N matches files more than N whole days old, so +(days-1) means "at least `days`".
age=$((days - 1))

# Prints (and unless dry_run deletes) old files below one directory. Left alone: X11 sockets
# and lock files; -xdev stays on one volume, symlinks are removed, never followed. BSD find's
# -delete always succeeds as far as the expression goes, so failures are told by its exit status.
clean_dir() {
	set -- "$1" -xdev -mindepth 1 ! -path '*/.X11-unix/*' ! -name '.X*-lock' \
		'(' -type f -o -type l ')' -mtime "+$age" -print
	if [ "$dry_run" = 1 ]; then
		find "$@"
	else
		find "$@" -delete || printf 'FAILED %s\n' "$1"
	fi
}

if [ "$dry_run" = 1 ]; then verb='would delete'; else verb='deleted'; fi
echo "Cleaning files older than $days days under $root$([ "$dry_run" = 1 ] && echo ' (dry run: nothing is deleted)')"

{
	for dir in "$r/private/tmp" "$r/private/var/tmp" "$r"/Users/*/Library/Caches; do
		[ -d "$dir" ] && [ ! -L "$dir" ] && clean_dir "$dir"
	done
} | awk -v verb="$verb" '
	/^FAILED / { failed = failed "\n  some files in " substr($0, 8) " could not be deleted (in use, or protected: give the agent Full Disk Access)"; next }
	{ count++; if (count <= 200) print verb " " $0 }
	END {
		if (count > 200) print "... and " (count - 200) " more"
		printf "Summary: %s %d file(s)%s\n", verb, count, failed
		exit failed == "" ? 0 : 1
	}'
