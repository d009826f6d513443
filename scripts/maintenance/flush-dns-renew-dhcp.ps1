# helpline-script: flush-dns-renew-dhcp
# description: Flushes the DNS client cache and renews the DHCP lease, for "the network works but names do not resolve" or a wrong address.
# changes: Empties the DNS client cache; with renew_dhcp=1 releases and renews the DHCP lease of the connected DHCP adapters (ipconfig /release, /renew): the connection drops for a few seconds.
# interpreter: powershell
# platforms: windows
# timeout: 2m
# elevation: required
# param: renew_dhcp boolean default=1 Also renew the DHCP lease.
# param: interface string default= Adapter to renew, e.g. Ethernet; empty: every connected adapter that uses DHCP.
# param: dry_run boolean default=0 Only say what would be done.

# Parameters arrive only as HELPLINE_PARAM_* environment variables, validated, never run as code;
# the adapter name reaches ipconfig as one argument.
# Exit codes: 0 done, 1 a step failed, 2 bad parameters.
Set-StrictMode -Version 2.0
$ErrorActionPreference = 'Stop'

function Stop-BadParam([string]$message) {
    [Console]::Error.WriteLine("flush-dns-renew-dhcp: $message")
    exit 2
}
function Get-BoolParam([string]$name, [string]$value, [string]$default) {
    if (-not $value) { $value = $default }
    if ($value -notmatch '^[01]\z') { Stop-BadParam "$name must be 0 or 1, got `"$value`"" }
    return $value -eq '1'
}
$renew = Get-BoolParam 'renew_dhcp' $env:HELPLINE_PARAM_RENEW_DHCP '1'
$dryRun = Get-BoolParam 'dry_run' $env:HELPLINE_PARAM_DRY_RUN '0'
$interface = if ($env:HELPLINE_PARAM_INTERFACE) { $env:HELPLINE_PARAM_INTERFACE } else { '' }
# Adapter names: letters, digits, spaces and a little punctuation; no quotes, no leading "/" or "-"
# that ipconfig would read as an option.
if ($interface -and $interface -notmatch '^[\w][\w .()#-]{0,63}\z') {
    Stop-BadParam "interface must be an adapter name like `"Ethernet`", got `"$interface`""
}

$failed = $false
function Invoke-Step([string]$what, [scriptblock]$action) {
    if ($dryRun) { Write-Output "Would $what"; return }
    try {
        & $action
        Write-Output "OK: $what"
    } catch {
        Write-Output "PROBLEM: $what failed: $($_.Exception.Message)"
        $script:failed = $true
    }
}
function Invoke-Ipconfig {
    # ipconfig reports failure only through its exit status and its output. 'Continue': in
    # PowerShell 5.1 a native command's stderr would otherwise stop the script.
    $ErrorActionPreference = 'Continue'
    $output = & ipconfig.exe @args 2>&1
    if ($LASTEXITCODE -ne 0) { throw "ipconfig $($args -join ' ') exited with $LASTEXITCODE`: $($output -join ' ')" }
}

# --- DNS ---------------------------------------------------------------------------------------
if (Get-Command Clear-DnsClientCache -ErrorAction SilentlyContinue) {
    Invoke-Step 'flush the DNS client cache' { Clear-DnsClientCache }
} else {
    Invoke-Step 'flush the DNS client cache' { Invoke-Ipconfig /flushdns }
}

# --- DHCP --------------------------------------------------------------------------------------
if ($renew) {
    $adapters = @()
    if ($interface) {
        $adapters = @($interface)
    } elseif (Get-Command Get-NetIPInterface -ErrorAction SilentlyContinue) {
        $adapters = @(Get-NetIPInterface -AddressFamily IPv4 -Dhcp Enabled -ConnectionState Connected -ErrorAction SilentlyContinue |
            Select-Object -ExpandProperty InterfaceAlias | Where-Object { $_ -notmatch '"' } | Sort-Object -Unique)
    }
    if (-not $interface -and $adapters.Count -eq 0) {
        Write-Output 'DHCP: no connected adapter uses DHCP (static addresses?); nothing to renew'
    }
    foreach ($adapter in $adapters) {
        # Release and renew in one go: the script runs on the PC, so losing the connection in
        # between does not stop it.
        Invoke-Step "release the DHCP lease of `"$adapter`"" { Invoke-Ipconfig /release $adapter }
        Invoke-Step "renew the DHCP lease of `"$adapter`"" { Invoke-Ipconfig /renew $adapter }
    }
}

if ($failed) {
    Write-Output 'Summary: not everything worked (see PROBLEM lines)'
    exit 1
}
if ($dryRun) { Write-Output 'Summary: dry run, nothing changed' }
elseif ($renew) { Write-Output 'Summary: DNS cache flushed, DHCP leases renewed' }
else { Write-Output 'Summary: DNS cache flushed' }
exit 0
