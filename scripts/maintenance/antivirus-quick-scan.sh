#!/bin/sh
# helpline-script: antivirus-quick-scan
# description: Scans home directories and temporary directories with ClamAV and reports infected files.
# changes: Nothing; infected files are reported, not deleted or moved.
# interpreter: sh
# platforms: linux
# timeout: 1h
# elevation: required
# param: max_file_mb integer default=25 Skip files larger than this many MB (1-4000).
# param: root path default=/ Scan /home, /root, /tmp and /var/tmp under this directory and read the virus definitions from there (for tests).

# clamscan is looked up on PATH. It loads the definitions itself, so clamd need not run.
# Exit codes: 0 nothing found, 1 infected files were found or the scan failed, 2 bad
# parameters, 3 ClamAV is not installed.
set -u

bad_param() {
	printf 'antivirus-quick-scan: %s\n' "$1" >&2
	exit 2
}

max_mb=${HELPLINE_PARAM_MAX_FILE_MB:-25}
root=${HELPLINE_PARAM_ROOT:-/}
case $max_mb in
'' | *[!0-9]* | 0*) bad_param "max_file_mb must be a whole number from 1 to 4000, got \"$max_mb\"" ;;
esac
if [ "${#max_mb}" -gt 4 ] || [ "$max_mb" -gt 4000 ]; then bad_param "max_file_mb must be a whole number from 1 to 4000, got \"$max_mb\""; fi
case $root in /*) ;; *) bad_param "root must be an absolute path, got \"$root\"" ;; esac
[ -d "$root" ] || bad_param "root \"$root\" is not a directory"
r=${root%/}

if ! command -v clamscan >/dev/null 2>&1; then
	echo "Not applicable: ClamAV is not installed (no clamscan; package clamav)"
	exit 3
fi

# Definitions older than a week miss current threats: say so, but scan anyway.
db="$r/var/lib/clamav"
if [ -d "$db" ]; then
	all=$(find "$db" -maxdepth 1 -type f '(' -name '*.cvd' -o -name '*.cld' ')' | wc -l)
	fresh=$(find "$db" -maxdepth 1 -type f '(' -name '*.cvd' -o -name '*.cld' ')' -mtime -7 | wc -l)
	if [ "$all" -eq 0 ]; then
		echo "WARNING: no virus definitions in $db: run freshclam (or check the clamav-freshclam service)"
	elif [ "$fresh" -eq 0 ]; then
		echo "WARNING: the virus definitions in $db are more than 7 days old: check freshclam"
	fi
fi

# Only directories that exist: clamscan counts a missing one as an error.
set --
for dir in "$r/home" "$r/root" "$r/tmp" "$r/var/tmp"; do
	[ -d "$dir" ] && set -- "$@" "$dir"
done
if [ "$#" -eq 0 ]; then
	echo "Nothing to scan: none of /home, /root, /tmp, /var/tmp exists under $root"
	exit 0
fi
echo "Scanning: $*"

# --infected prints only infected files (and the summary); larger files are skipped (and a
# quick scan does not need to unpack big archives); --cross-fs=no stays off network mounts.
out=$(clamscan --recursive --infected --cross-fs=no \
	--max-filesize="${max_mb}M" --max-scansize="$((max_mb * 4))M" "$@" 2>&1)
rc=$?
printf '%s\n' "$out" | head -n 200
lines=$(printf '%s\n' "$out" | wc -l)
[ "$lines" -gt 200 ] && echo "... $((lines - 200)) more line(s)"

# clamscan: 0 no virus found, 1 virus(es) found, 2 an error occurred.
case $rc in
0) echo "Summary: no infected files found" ;;
1)
	found=$(printf '%s\n' "$out" | grep -c ' FOUND$')
	echo "Summary: $found infected file(s) found (not removed; quarantine or delete them after checking)"
	exit 1
	;;
*)
	echo "Summary: PROBLEM: clamscan failed (exit status $rc)"
	exit 1
	;;
esac
