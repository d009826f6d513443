#!/bin/sh
# helpline-script: os-updates
# description: Lists pending macOS updates and, with apply=1, installs them.
# changes: With apply=1 installs all available updates (softwareupdate --install --all); updates that need a restart are prepared but the Mac is not restarted.
# interpreter: sh
# platforms: macos
# timeout: 2h
# elevation: required
# param: apply boolean default=0 Install the pending updates instead of only listing them.
# param: dry_run boolean default=0 Only say what would be installed.

# On Apple silicon Macs, installing macOS itself from the command line needs an administrator's
# password, which a script does not have: such updates then fail here and are best pushed with
# MDM. Other updates (Safari, security responses, command line tools) install fine.
# Exit codes: 0 done (whether or not updates are pending), 1 softwareupdate failed, 2 bad parameters.
set -u

bad_param() {
	printf 'os-updates: %s\n' "$1" >&2
	exit 2
}
apply=${HELPLINE_PARAM_APPLY:-0}
dry_run=${HELPLINE_PARAM_DRY_RUN:-0}
case $apply in 0 | 1) ;; *) bad_param "apply must be 0 or 1, got \"$apply\"" ;; esac
case $dry_run in 0 | 1) ;; *) bad_param "dry_run must be 0 or 1, got \"$dry_run\"" ;; esac

echo "Checking for updates (asks Apple's servers)..."
if ! out=$(softwareupdate --list 2>&1); then
	printf '%s\n' "$out" | tail -n 20 | sed 's/^/  | /'
	echo "Summary: PROBLEM: softwareupdate --list failed"
	exit 1
fi
# macOS 10.15+: "* Label: Safari16.2VenturaAuto-16.2" then "\tTitle: Safari, Version: 16.2, ...";
# older releases: "   * Safari16.2" then "\tSafari (16.2), 123K [recommended]".
updates=$(printf '%s\n' "$out" | awk '
	/^ *\* / { if (label != "") print label; label = $0; sub(/^ *\* (Label: )?/, "", label); next }
	label != "" { line = $0; sub(/^[ \t]+/, "", line); print line (/Action: restart|\[restart\]/ ? " (needs a restart)" : ""); label = "" }
	END { if (label != "") print label }')
count=0
[ -n "$updates" ] && count=$(printf '%s\n' "$updates" | wc -l | tr -d ' ')
echo "Pending updates: $count"
[ -n "$updates" ] && printf '%s\n' "$updates" | sed 's/^/  /'

if [ "$apply" = 0 ] || [ "$count" = 0 ]; then
	echo "Summary: $count update(s) pending"
	exit 0
fi
if [ "$dry_run" = 1 ]; then
	echo "Summary: dry run, would install the $count update(s) above"
	exit 0
fi
echo "Installing $count update(s)..."
# --agree-to-license answers the license question major upgrades ask (macOS 11 and later).
if out=$(softwareupdate --install --all --agree-to-license 2>&1); then
	printf '%s\n' "$out" | tail -n 40 | sed 's/^/  | /'
	echo "Summary: installed $count update(s); run pending-reboot to see whether a restart is needed"
	exit 0
fi
printf '%s\n' "$out" | tail -n 40 | sed 's/^/  | /'
echo "Summary: PROBLEM: softwareupdate --install failed (on Apple silicon, macOS updates need MDM or a person)"
exit 1
