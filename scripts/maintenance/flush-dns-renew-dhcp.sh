#!/bin/sh
# helpline-script: flush-dns-renew-dhcp
# description: Flushes the local DNS cache and renews the DHCP lease, for "the network works but names do not resolve" or a wrong address.
# changes: Empties the DNS cache of systemd-resolved or nscd; with renew_dhcp=1 asks NetworkManager, systemd-networkd, dhclient or dhcpcd for a new lease (the connection may drop for a few seconds).
# interpreter: sh
# platforms: linux
# timeout: 5m
# elevation: required
# param: renew_dhcp boolean default=1 Also renew the DHCP lease.
# param: interface string default= Network interface to renew, e.g. eth0; empty: the one with the default route (NetworkManager: all wired and wireless connections).
# param: dry_run boolean default=0 Only say what would be done.
# param: root path default=/ Resolve /run under this directory (for tests).

# resolvectl, nscd, nmcli, networkctl, dhclient and dhcpcd are looked up on PATH; whether a
# service is running is told by its directory under /run.
# Exit codes: 0 done, 1 a step failed, 2 bad parameters, 3 neither a DNS cache nor (when asked)
# a DHCP client was found.
set -u

bad_param() {
	printf 'flush-dns-renew-dhcp: %s\n' "$1" >&2
	exit 2
}

renew=${HELPLINE_PARAM_RENEW_DHCP:-1}
iface=${HELPLINE_PARAM_INTERFACE:-}
dry_run=${HELPLINE_PARAM_DRY_RUN:-0}
root=${HELPLINE_PARAM_ROOT:-/}
case $renew in 0 | 1) ;; *) bad_param "renew_dhcp must be 0 or 1, got \"$renew\"" ;; esac
case $dry_run in 0 | 1) ;; *) bad_param "dry_run must be 0 or 1, got \"$dry_run\"" ;; esac
# Interface names are at most 15 characters; a leading "-" would be read as an option.
case $iface in
-* | *[!A-Za-z0-9_.:-]*) bad_param "interface must be an interface name like eth0, got \"$iface\"" ;;
esac
[ "${#iface}" -le 15 ] || bad_param "interface must be an interface name like eth0, got \"$iface\""
case $root in /*) ;; *) bad_param "root must be an absolute path, got \"$root\"" ;; esac
[ -d "$root" ] || bad_param "root \"$root\" is not a directory"
r=${root%/}

has() { command -v "$1" >/dev/null 2>&1; }
failed=0
did=0
step() { # <description> <command...>: runs (or in a dry run only shows) one command
	what=$1
	shift
	did=$((did + 1))
	if [ "$dry_run" = 1 ]; then
		echo "Would $what: $*"
	elif "$@"; then
		echo "OK: $what"
	else
		echo "PROBLEM: $what failed ($*)"
		failed=1
	fi
}

# --- DNS -----------------------------------------------------------------------------------
if [ -d "$r/run/systemd/resolve" ] && has resolvectl; then
	step "flush the systemd-resolved DNS cache" resolvectl flush-caches
elif [ -d "$r/run/systemd/resolve" ] && has systemd-resolve; then
	step "flush the systemd-resolved DNS cache" systemd-resolve --flush-caches
fi
if [ -d "$r/run/nscd" ] && has nscd; then
	step "flush the nscd hosts cache" nscd -i hosts
fi
[ "$did" = 0 ] && echo "DNS: no local DNS cache is running (systemd-resolved, nscd); nothing to flush"
dns_steps=$did

# --- DHCP ----------------------------------------------------------------------------------
default_iface() { # the interface of the IPv4 default route: "default via 10.0.0.1 dev eth0 ..."
	ip -o -4 route show default 2>/dev/null | awk '{ for (i = 1; i < NF; i++) if ($i == "dev") { print $(i + 1); exit } }'
}
need_iface() {
	[ -n "$iface" ] || iface=$(default_iface)
	[ -n "$iface" ] && return 0
	echo "PROBLEM: could not tell which interface has the default route; set the interface parameter"
	failed=1
	return 1
}

if [ "$renew" = 1 ]; then
	if [ -d "$r/run/NetworkManager" ] && has nmcli; then
		# Re-activating a connection makes NetworkManager ask for a new lease. Only wired and
		# wireless ones: bridges, VPNs and loopback are left alone.
		conns=$(nmcli -t -f UUID,TYPE,DEVICE connection show --active 2>/dev/null |
			awk -F ':' -v want="$iface" '($2 == "802-3-ethernet" || $2 == "802-11-wireless") && (want == "" || $3 == want) { print $1 " " $3 }')
		[ -z "$conns" ] && echo "DHCP: NetworkManager has no active wired or wireless connection${iface:+ on $iface}"
		while read -r uuid dev; do
			[ -n "$uuid" ] && step "renew the lease on $dev (NetworkManager)" nmcli connection up uuid "$uuid"
		done <<EOF
$conns
EOF
	elif [ -d "$r/run/systemd/netif" ] && has networkctl; then
		need_iface && step "renew the lease on $iface (systemd-networkd)" networkctl renew "$iface"
	elif has dhclient; then
		# -r releases the lease and stops the dhclient running for the interface; the second
		# call gets a new lease and keeps running in the background. It runs even when the
		# release failed: without it the interface might be left without an address.
		if need_iface; then
			step "release the lease on $iface (dhclient)" dhclient -r "$iface"
			step "get a new lease on $iface (dhclient)" dhclient "$iface"
		fi
	elif has dhcpcd; then
		need_iface && step "renew the lease on $iface (dhcpcd)" dhcpcd -n "$iface"
	else
		echo "DHCP: no supported DHCP client (NetworkManager, systemd-networkd, dhclient, dhcpcd); a static address?"
	fi
fi

if [ "$did" = 0 ] && [ "$failed" = 0 ]; then
	echo "Not applicable: no DNS cache to flush$([ "$renew" = 1 ] && echo ' and no DHCP client to renew')"
	exit 3
fi
if [ "$failed" = 1 ]; then
	echo "Summary: not everything worked (see PROBLEM lines)"
elif [ "$dry_run" = 1 ]; then
	echo "Summary: dry run, $did step(s) would run"
else
	echo "Summary: $dns_steps DNS cache(s) flushed, $((did - dns_steps)) lease renewal step(s) done"
fi
exit "$failed"
