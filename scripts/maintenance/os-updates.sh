#!/bin/sh
# helpline-script: os-updates
# description: Lists pending operating system updates (apt, dnf or zypper) and, with apply=1, installs them.
# changes: With refresh=1 downloads fresh package lists; with apply=1 installs all pending updates (never removes packages, keeps changed config files, does not restart the PC).
# interpreter: sh
# platforms: linux
# timeout: 1h
# elevation: required
# param: apply boolean default=0 Install the pending updates instead of only listing them.
# param: refresh boolean default=1 Refresh the package lists first.
# param: manager string default=auto Package manager: auto, apt, dnf or zypper.
# param: dry_run boolean default=0 Only say what would be refreshed and installed.
# param: root path default=/ Look for the reboot-required flag under this directory (for tests).

# The package manager is looked up on PATH. Listing uses only read-only modes (apt-get -s,
# dnf check-update, zypper list-updates).
# Exit codes: 0 done (whether or not updates are pending), 1 the package manager failed,
# 2 bad parameters, 3 no supported package manager on this PC.
set -u

bad_param() {
	printf 'os-updates: %s\n' "$1" >&2
	exit 2
}
bool() { case $2 in 0 | 1) ;; *) bad_param "$1 must be 0 or 1, got \"$2\"" ;; esac }

apply=${HELPLINE_PARAM_APPLY:-0}
refresh=${HELPLINE_PARAM_REFRESH:-1}
manager=${HELPLINE_PARAM_MANAGER:-auto}
dry_run=${HELPLINE_PARAM_DRY_RUN:-0}
root=${HELPLINE_PARAM_ROOT:-/}
bool apply "$apply"
bool refresh "$refresh"
bool dry_run "$dry_run"
case $manager in
auto | apt | dnf | zypper) ;;
*) bad_param "manager must be auto, apt, dnf or zypper, got \"$manager\"" ;;
esac
case $root in /*) ;; *) bad_param "root must be an absolute path, got \"$root\"" ;; esac
[ -d "$root" ] || bad_param "root \"$root\" is not a directory"
r=${root%/}

# The command behind each manager name.
command_of() { case $1 in apt) echo apt-get ;; *) echo "$1" ;; esac }
if [ "$manager" = auto ]; then
	for candidate in apt dnf zypper; do
		if command -v "$(command_of "$candidate")" >/dev/null 2>&1; then manager=$candidate && break; fi
	done
	[ "$manager" = auto ] && { echo "Not applicable: none of apt-get, dnf or zypper is installed"; exit 3; }
elif ! command -v "$(command_of "$manager")" >/dev/null 2>&1; then
	echo "Not applicable: $(command_of "$manager") is not installed"
	exit 3
fi

# Never ask questions: there is nobody at the PC to answer them.
DEBIAN_FRONTEND=noninteractive
export DEBIAN_FRONTEND

failed=0
run_shown() { # runs a command, shows the last 40 lines of its output, returns its status
	out=$("$@" 2>&1)
	rc=$?
	printf '%s\n' "$out" | tail -n 40 | sed 's/^/  | /'
	return "$rc"
}

# --- Refresh -----------------------------------------------------------------------------
if [ "$refresh" = 1 ] && [ "$manager" != dnf ]; then # dnf refreshes with --refresh below
	if [ "$dry_run" = 1 ]; then
		echo "Would refresh the package lists ($manager)"
	else
		echo "Refreshing the package lists ($manager)..."
		case $manager in
		apt) run_shown apt-get update -q ;;
		zypper) run_shown zypper --non-interactive refresh ;;
		esac || { echo "PROBLEM: refreshing the package lists failed; the list below may be out of date"; failed=1; }
	fi
fi
dnf_refresh=
[ "$manager" = dnf ] && [ "$refresh" = 1 ] && [ "$dry_run" = 0 ] && dnf_refresh=--refresh

# --- List ----------------------------------------------------------------------------------
# Each branch prints one "name old -> new" line per pending update, "(security)" appended
# where the package manager tells.
list_rc=0
case $manager in
apt)
	# Debug::NoLocking: a simulation needs no lock, so it also works while apt runs elsewhere.
	raw=$(apt-get -s -q -o Debug::NoLocking=1 --with-new-pkgs upgrade 2>&1) || list_rc=$?
	# "Inst openssl [3.0.1-1] (3.0.2-1 Debian-Security:12/stable-security [amd64])"
	updates=$(printf '%s\n' "$raw" | awk '/^Inst / {
		old = ($3 ~ /^\[/) ? $3 : "[new]"; gsub(/[][]/, "", old)
		new = $0; sub(/^[^(]*\(/, "", new); split(new, f, " ")
		print $2 " " old " -> " f[1] (new ~ /[Ss]ecurity/ ? " (security)" : "") }')
	;;
dnf)
	# check-update exits 100 when updates are pending, 0 when none, 1 on error.
	raw=$(dnf -q ${dnf_refresh:+"$dnf_refresh"} check-update 2>&1) || list_rc=$?
	[ "$list_rc" = 100 ] && list_rc=0
	# "openssl.x86_64   1:3.0.7-25.el9   baseos"; the "Obsoleting Packages" part repeats names.
	updates=$(printf '%s\n' "$raw" | awk '/^Obsoleting/ { exit } NF == 3 && $1 ~ /\./ { print $1 " -> " $2 }')
	;;
zypper)
	# "v | Main Update | openssl | 3.0.1-1.1 | 3.0.2-1.1 | x86_64"
	raw=$(zypper --non-interactive list-updates 2>&1) || list_rc=$?
	updates=$(printf '%s\n' "$raw" | awk -F '|' '$1 ~ /^v / { gsub(/ /, ""); print $3 " " $4 " -> " $5 }')
	;;
esac
if [ "$list_rc" != 0 ]; then
	printf '%s\n' "$raw" | tail -n 20 | sed 's/^/  | /'
	echo "PROBLEM: listing the updates with $manager failed (exit status $list_rc)"
	exit 1
fi
count=0
[ -n "$updates" ] && count=$(printf '%s\n' "$updates" | wc -l | tr -d ' ')
security=$(printf '%s\n' "$updates" | grep -c '(security)')
echo "Pending updates ($manager): $count"
printf '%s\n' "$updates" | head -n 100 | sed '/^$/d; s/^/  /'
[ "$count" -gt 100 ] && echo "  ... and $((count - 100)) more"

# --- Apply ---------------------------------------------------------------------------------
if [ "$apply" = 1 ] && [ "$count" -gt 0 ]; then
	if [ "$dry_run" = 1 ]; then
		echo "Would install the $count update(s) above with $manager"
	else
		echo "Installing $count update(s) with $manager..."
		apply_ok=1
		case $manager in
		# --with-new-pkgs lets new kernels and dependencies in; plain upgrade never removes packages.
		# confdef/confold keep config files an admin changed instead of asking.
		apt) run_shown apt-get -y -q -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold --with-new-pkgs upgrade ;;
		dnf) run_shown dnf -y ${dnf_refresh:+"$dnf_refresh"} upgrade ;;
		# 102: installed, a reboot is needed; 103: zypper updated itself and should run again.
		zypper) run_shown zypper --non-interactive update --auto-agree-with-licenses || [ "$rc" = 102 ] || [ "$rc" = 103 ] ;;
		esac || apply_ok=0
		if [ "$apply_ok" = 0 ]; then
			echo "PROBLEM: installing the updates failed (exit status $rc)"
			failed=1
		else
			[ "$manager" = zypper ] && [ "$rc" = 103 ] && echo "zypper updated itself: run this script again for the rest"
			if [ "$manager" = zypper ] && [ "$rc" = 102 ] || [ -e "$r/run/reboot-required" ] || [ -e "$r/var/run/reboot-required" ]; then
				echo "A restart is needed to finish the updates (not done by this script)"
			fi
		fi
	fi
fi

if [ "$apply" = 1 ] && [ "$dry_run" = 0 ] && [ "$failed" = 0 ] && [ "$count" -gt 0 ]; then
	echo "Summary: installed $count update(s) with $manager"
else
	echo "Summary: $count update(s) pending ($security security) with $manager"
fi
exit "$failed"
