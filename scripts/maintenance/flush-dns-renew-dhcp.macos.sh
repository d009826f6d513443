#!/bin/sh
# helpline-script: flush-dns-renew-dhcp
# description: Flushes the DNS cache and renews the DHCP lease, for "the network works but names do not resolve" or a wrong address.
# changes: Empties the DNS cache (dscacheutil, mDNSResponder); with renew_dhcp=1 asks for a new DHCP lease on the interface (the connection may drop for a few seconds).
# interpreter: sh
# platforms: macos
# timeout: 2m
# elevation: required
# param: renew_dhcp boolean default=1 Also renew the DHCP lease.
# param: interface string default= Network interface to renew, e.g. en0; empty: the one with the default route.
# param: dry_run boolean default=0 Only say what would be done.

# Parameters arrive only as HELPLINE_PARAM_* environment variables, validated, never evaluated.
# Exit codes: 0 done, 1 a step failed, 2 bad parameters.
set -u

bad_param() {
	printf 'flush-dns-renew-dhcp: %s\n' "$1" >&2
	exit 2
}

renew=${HELPLINE_PARAM_RENEW_DHCP:-1}
iface=${HELPLINE_PARAM_INTERFACE:-}
dry_run=${HELPLINE_PARAM_DRY_RUN:-0}
case $renew in 0 | 1) ;; *) bad_param "renew_dhcp must be 0 or 1, got \"$renew\"" ;; esac
case $dry_run in 0 | 1) ;; *) bad_param "dry_run must be 0 or 1, got \"$dry_run\"" ;; esac
# A leading "-" would be read as an option.
case $iface in
-* | *[!A-Za-z0-9_.:-]*) bad_param "interface must be an interface name like en0, got \"$iface\"" ;;
esac
[ "${#iface}" -le 15 ] || bad_param "interface must be an interface name like en0, got \"$iface\""

failed=0
step() { # <description> <command...>: runs (or in a dry run only shows) one command
	what=$1
	shift
	if [ "$dry_run" = 1 ]; then
		echo "Would $what: $*"
	elif "$@"; then
		echo "OK: $what"
	else
		echo "PROBLEM: $what failed ($*)"
		failed=1
	fi
}

# Directory Services keeps one cache, mDNSResponder (the resolver) another: flush both.
step "flush the Directory Services cache" dscacheutil -flushcache
step "flush the mDNSResponder DNS cache" killall -HUP mDNSResponder

if [ "$renew" = 1 ]; then
	# "route -n get default" prints "  interface: en0" for the default route.
	[ -n "$iface" ] || iface=$(route -n get default 2>/dev/null | awk '$1 == "interface:" { print $2; exit }')
	if [ -z "$iface" ]; then
		echo "PROBLEM: could not tell which interface has the default route; set the interface parameter"
		failed=1
	else
		# Setting the interface to DHCP again makes configd ask for a new lease.
		step "renew the DHCP lease on $iface" ipconfig set "$iface" DHCP
	fi
fi

if [ "$failed" = 1 ]; then
	echo "Summary: not everything worked (see PROBLEM lines)"
elif [ "$dry_run" = 1 ]; then
	echo "Summary: dry run, nothing changed"
else
	echo "Summary: DNS caches flushed$([ "$renew" = 1 ] && echo ", DHCP lease on $iface renewed")"
fi
exit "$failed"
