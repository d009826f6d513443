#!/bin/sh
# helpline-script: check-disks
# description: Reports full file systems, disks whose SMART health is failing and degraded software RAID arrays.
# changes: Nothing; only reads (df, smartctl -H, /proc/mdstat).
# interpreter: sh
# platforms: linux
# timeout: 5m
# elevation: required
# param: warn_percent integer default=90 Report file systems (space or inodes) at least this full, in percent (1-100).
# param: root path default=/ Read /proc/mdstat under this directory (for tests).

# SMART needs smartctl (package smartmontools) and root; without it the rest is still checked.
# Exit codes: 0 nothing found, 1 a problem was found, 2 bad parameters.
set -u

bad_param() {
	printf 'check-disks: %s\n' "$1" >&2
	exit 2
}

warn=${HELPLINE_PARAM_WARN_PERCENT:-90}
root=${HELPLINE_PARAM_ROOT:-/}
case $warn in
'' | *[!0-9]* | 0*) bad_param "warn_percent must be a whole number from 1 to 100, got \"$warn\"" ;;
esac
if [ "${#warn}" -gt 3 ] || [ "$warn" -gt 100 ]; then bad_param "warn_percent must be a whole number from 1 to 100, got \"$warn\""; fi
case $root in
/*) ;;
*) bad_param "root must be an absolute path, got \"$root\"" ;;
esac
[ -d "$root" ] || bad_param "root \"$root\" is not a directory"
r=${root%/}

problems=0

# --- File systems -------------------------------------------------------------------------
# Pseudo and read-only image file systems are always "full" or always empty: leave them out.
echo "File systems (warning at ${warn}% used):"
skip_types='-x tmpfs -x devtmpfs -x squashfs -x iso9660 -x udf -x efivarfs'
for kind in space inodes; do
	if [ "$kind" = inodes ]; then flag=-Pi; else flag=-P; fi
	# shellcheck disable=SC2086 # $skip_types is a fixed list of separate options
	out=$(df $flag $skip_types 2>/dev/null) || out=$(df $flag 2>/dev/null) || {
		echo "  could not run df"
		problems=$((problems + 1))
		continue
	}
	# POSIX df -P: Filesystem, size, used, available, capacity ("93%" or "-"), mount point.
	found=$(printf '%s\n' "$out" | awk -v warn="$warn" -v kind="$kind" '
		NR == 1 { next }
		{
			pct = $5; sub(/%$/, "", pct)
			if (pct !~ /^[0-9]+$/) next
			mount = $6; for (i = 7; i <= NF; i++) mount = mount " " $i
			if (kind == "space") printf "  %-30s %3d%% used, %.1f GB free\n", mount, pct, $4 / 1048576
			if (pct + 0 >= warn + 0) printf "  PROBLEM: %s is %d%% full (%s)\n", mount, pct, kind
		}')
	[ -n "$found" ] && printf '%s\n' "$found"
	n=$(printf '%s\n' "$found" | grep -c 'PROBLEM:')
	problems=$((problems + n))
done

# --- SMART ---------------------------------------------------------------------------------
echo "SMART health:"
if ! command -v smartctl >/dev/null 2>&1; then
	echo "  not checked: smartctl is not installed (package smartmontools)"
else
	# `smartctl --scan` prints "/dev/sda -d sat # /dev/sda [SAT], ATA device" per disk.
	scan=$(smartctl --scan 2>/dev/null)
	[ -z "$scan" ] && echo "  no disks found by smartctl --scan (virtual machine?)"
	while read -r dev opt type _rest; do
		case $dev in /dev/*) ;; *) continue ;; esac
		if [ "$opt" = -d ]; then
			result=$(smartctl -H -d "$type" "$dev" 2>&1)
		else
			result=$(smartctl -H "$dev" 2>&1)
		fi
		rc=$?
		# smartctl's exit status is a bit mask: 2 cannot open the device, 8 the disk is failing,
		# 16 a pre-failure attribute is at or below its threshold.
		if [ $((rc & 8)) -ne 0 ] || printf '%s\n' "$result" | grep -Eq 'test result: FAILED|Health Status: (FAIL|[^O])'; then
			echo "  PROBLEM: $dev SMART health is FAILING: replace the disk and check backups"
			problems=$((problems + 1))
		elif [ $((rc & 16)) -ne 0 ]; then
			echo "  PROBLEM: $dev has a pre-failure SMART attribute at or below its threshold"
			problems=$((problems + 1))
		elif [ $((rc & 2)) -ne 0 ]; then
			echo "  $dev: could not be opened by smartctl (needs root?)"
		elif printf '%s\n' "$result" | grep -Eq 'test result: PASSED|Health Status: OK'; then
			echo "  $dev: PASSED"
		else
			echo "  $dev: SMART health not reported (SMART unsupported or disabled)"
		fi
	done <<EOF
$scan
EOF
fi

# --- Software RAID ---------------------------------------------------------------------------
# In /proc/mdstat a healthy two-disk mirror shows [UU]; a missing member shows as "_", e.g. [U_].
mdstat="$r/proc/mdstat"
if [ -r "$mdstat" ] && grep -q '^md' "$mdstat"; then
	echo "Software RAID ($mdstat):"
	degraded=$(awk '/^md/ { name = $1 } /\[[U_]+\]/ && /_/ { print name }' "$mdstat")
	if [ -n "$degraded" ]; then
		for md in $degraded; do
			echo "  PROBLEM: /dev/$md is degraded (a member disk is missing or failed)"
			problems=$((problems + 1))
		done
	else
		echo "  all arrays complete"
	fi
fi

if [ "$problems" -gt 0 ]; then
	echo "Summary: $problems problem(s) found"
	exit 1
fi
echo "Summary: no problems found"
