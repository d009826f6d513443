#!/bin/sh
# helpline-script: restart-print-spooler
# description: Clears the print queue and restarts the print spooler (CUPS), for print jobs that are stuck.
# changes: Cancels every print job on every printer (cancel -a), stops CUPS, deletes job data files left in /var/spool/cups, starts CUPS again.
# interpreter: sh
# platforms: linux
# timeout: 5m
# elevation: required
# param: dry_run boolean default=0 Only list the jobs that would be cancelled and the files that would be deleted.
# param: root path default=/ Resolve /etc/cups, /var/spool/cups and /run under this directory (for tests).

# cancel, lpstat, systemctl and service are looked up on PATH.
# Exit codes: 0 done, 1 a step failed or jobs are still queued, 2 bad parameters,
# 3 CUPS is not installed.
set -u

bad_param() {
	printf 'restart-print-spooler: %s\n' "$1" >&2
	exit 2
}

dry_run=${HELPLINE_PARAM_DRY_RUN:-0}
root=${HELPLINE_PARAM_ROOT:-/}
case $dry_run in 0 | 1) ;; *) bad_param "dry_run must be 0 or 1, got \"$dry_run\"" ;; esac
case $root in /*) ;; *) bad_param "root must be an absolute path, got \"$root\"" ;; esac
[ -d "$root" ] || bad_param "root \"$root\" is not a directory"
r=${root%/}
spool="$r/var/spool/cups"

if [ ! -d "$r/etc/cups" ] || ! command -v cancel >/dev/null 2>&1; then
	echo "Not applicable: CUPS is not installed (no $r/etc/cups or no cancel command)"
	exit 3
fi

failed=0

# Services: systemctl when systemd is running (it has /run/systemd/system), else the SysV
# `service` wrapper.
service_do() { # <stop|start>
	if [ -d "$r/run/systemd/system" ] && command -v systemctl >/dev/null 2>&1; then
		systemctl "$1" cups
	elif command -v service >/dev/null 2>&1; then
		service cups "$1"
	else
		echo "  neither systemctl nor service is available to $1 CUPS"
		return 1
	fi
}

# Data files of queued jobs are named d<job>-<document>, e.g. d00042-001; the c<job> control
# files are the job history and stay.
list_spool_files() { # [-delete]
	[ -d "$spool" ] && find "$spool" -maxdepth 1 -type f -name 'd[0-9]*-[0-9]*' "$@" -print
}

# lpstat -o prints one line per queued job: "office-42 alice 1024 Mon 01 Jan 2024 10:00:00 AM".
jobs=$(lpstat -o 2>/dev/null)
count=0
[ -n "$jobs" ] && count=$(printf '%s\n' "$jobs" | wc -l | tr -d ' ')
echo "Jobs in the queue: $count"
[ -n "$jobs" ] && printf '%s\n' "$jobs" | head -n 50 | sed 's/^/  /'

if [ "$dry_run" = 1 ]; then
	echo "Would cancel all $count job(s) (cancel -a), stop CUPS, delete these left-over job files and start CUPS:"
	list_spool_files | sed 's/^/  /'
	echo "Summary: dry run, nothing changed"
	exit 0
fi

if cancel -a; then
	echo "Cancelled all jobs"
else
	echo "PROBLEM: cancel -a failed; continuing with the restart"
	failed=1
fi

# With CUPS stopped nothing holds the spool files, so jobs stuck even for cancel can go.
echo "Stopping CUPS"
service_do stop || { echo "PROBLEM: stopping CUPS failed"; failed=1; }
deleted=$(list_spool_files -delete)
removed=0
if [ -n "$deleted" ]; then
	printf '%s\n' "$deleted" | sed 's/^/  deleted left-over job file /'
	removed=$(printf '%s\n' "$deleted" | wc -l | tr -d ' ')
fi
echo "Starting CUPS"
if ! service_do start; then
	echo "PROBLEM: starting CUPS failed: nobody can print until it runs (check: systemctl status cups)"
	exit 1
fi

left=$(lpstat -o 2>/dev/null)
if [ -n "$left" ]; then
	echo "PROBLEM: jobs are still queued after the restart:"
	printf '%s\n' "$left" | sed 's/^/  /'
	failed=1
fi

if [ "$failed" = 0 ]; then
	echo "Summary: cancelled $count job(s), deleted $removed left-over file(s), CUPS restarted"
else
	echo "Summary: the spooler was restarted but not everything worked (see PROBLEM lines)"
fi
exit "$failed"
