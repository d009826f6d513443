#!/bin/sh
# helpline-script: pending-reboot
# description: Reports macOS updates that wait for a restart, and the uptime.
# changes: Nothing; only reads (softwareupdate --list --no-scan, the boot time).
# interpreter: sh
# platforms: macos
# timeout: 5m
# elevation: none

# macOS has no "restart pending" flag like Linux or Windows. What comes closest: updates that are
# known (found by the last automatic check) and need a restart to install.
# Exit codes: 0 no restart pending, 1 updates wait for a restart.
set -u

# --no-scan: use the result of the last automatic check instead of asking Apple's servers.
out=$(softwareupdate --list --no-scan 2>&1)
# macOS 10.15+: "* Label: macOS Ventura 13.1-22C65" then "\tTitle: ..., Action: restart, ...";
# older: "   * Label" then "\tTitle (version), 123K [recommended] [restart]".
restart=$(printf '%s\n' "$out" | awk '
	/^ *\* / { label = $0; sub(/^ *\* (Label: )?/, "", label); next }
	label != "" && (/Action: restart/ || /\[restart\]/) { print label; label = "" }')

# kern.boottime: "{ sec = 1700000000, usec = 0 } Tue Nov 14 ..."
boot=$(sysctl -n kern.boottime 2>/dev/null | sed -n 's/^{ sec = \([0-9]*\),.*/\1/p')
if [ -n "$boot" ]; then
	up=$(($(date +%s) - boot))
	echo "Up for $((up / 86400)) day(s) $((up % 86400 / 3600)) hour(s)"
fi

if [ -n "$restart" ]; then
	echo "RESTART NEEDED: these updates install only with a restart:"
	printf '%s\n' "$restart" | sed 's/^/  /'
	echo "Summary: a restart is pending (for updates)"
	exit 1
fi
echo "Summary: no update waits for a restart"
