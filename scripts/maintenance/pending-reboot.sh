#!/bin/sh
# helpline-script: pending-reboot
# description: Reports whether the PC needs a restart to finish updates, and which packages or services ask for it.
# changes: Nothing; only reads (reboot-required flags, needs-restarting -r, needrestart in list-only mode).
# interpreter: sh
# platforms: linux
# timeout: 2m
# elevation: none
# param: root path default=/ Resolve /run, /var/run and /proc under this directory (for tests).

# Different distributions say it differently, so every source present is asked:
#   Debian/Ubuntu: /run/reboot-required (+ .pkgs), written by package scripts
#   openSUSE/SLES: /run/reboot-needed, written by zypper
#   Fedora/RHEL:   needs-restarting -r (dnf-utils) exits 1 when a restart is needed
#   needrestart:   -b (batch) -r l (list only, restart nothing) reports the kernel status
# needs-restarting and needrestart are looked up on PATH.
# Exit codes: 0 no restart pending, 1 a restart is pending, 2 bad parameters.
set -u

root=${HELPLINE_PARAM_ROOT:-/}
case $root in /*) ;; *)
	printf 'pending-reboot: root must be an absolute path, got "%s"\n' "$root" >&2
	exit 2
	;;
esac
if [ ! -d "$root" ]; then
	printf 'pending-reboot: root "%s" is not a directory\n' "$root" >&2
	exit 2
fi
r=${root%/}

pending=0
checked='reboot-required flags'
reason() {
	echo "RESTART NEEDED: $1"
	pending=1
}

# /var/run is normally a link to /run, but look in both in case it is not.
for flag in "$r/run/reboot-required" "$r/var/run/reboot-required"; do
	[ -e "$flag" ] || continue
	reason "$flag exists (set by package updates)"
	if [ -r "$flag.pkgs" ]; then
		echo "  packages asking for it:"
		sort -u "$flag.pkgs" | sed 's/^/    /'
	fi
	break
done

for flag in "$r/run/reboot-needed" "$r/var/run/reboot-needed"; do
	[ -e "$flag" ] || continue
	reason "$flag exists (set by zypper)"
	break
done

if command -v needs-restarting >/dev/null 2>&1; then
	checked="$checked, needs-restarting"
	out=$(needs-restarting -r 2>&1)
	case $? in
	0) ;;
	1) reason "needs-restarting -r says so"
		printf '%s\n' "$out" | sed 's/^/  /' ;;
	*) echo "needs-restarting -r failed: $out" ;;
	esac
fi

if command -v needrestart >/dev/null 2>&1; then
	checked="$checked, needrestart"
	# NEEDRESTART-KSTA: 0 unknown, 1 running kernel is current, 2 ABI-compatible update
	# pending, 3 version update pending. NEEDRESTART-SVC lines: services running old libraries.
	out=$(needrestart -b -r l 2>/dev/null)
	ksta=$(printf '%s\n' "$out" | sed -n 's/^NEEDRESTART-KSTA: *//p')
	kcur=$(printf '%s\n' "$out" | sed -n 's/^NEEDRESTART-KCUR: *//p')
	kexp=$(printf '%s\n' "$out" | sed -n 's/^NEEDRESTART-KEXP: *//p')
	case $ksta in
	2 | 3) reason "a newer kernel is installed (running ${kcur:-?}, installed ${kexp:-?})" ;;
	esac
	services=$(printf '%s\n' "$out" | sed -n 's/^NEEDRESTART-SVC: *//p')
	if [ -n "$services" ]; then
		# Restarting these services would do instead of a restart of the PC.
		echo "Services running outdated libraries (restart them or the PC):"
		printf '%s\n' "$services" | sed 's/^/  /'
	fi
fi

# Uptime helps the technician: a PC up for 90 days has missed more than one update.
if [ -r "$r/proc/uptime" ]; then
	seconds=
	read -r seconds _idle <"$r/proc/uptime" || true
	seconds=${seconds%.*}
	case $seconds in
	'' | *[!0-9]*) ;;
	*) echo "Up for $((seconds / 86400)) day(s) $((seconds % 86400 / 3600)) hour(s)" ;;
	esac
fi

if [ "$pending" = 1 ]; then
	echo "Summary: a restart is pending"
	exit 1
fi
echo "Summary: no restart pending (checked: $checked)"
