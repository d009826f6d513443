# helpline-script: pending-reboot
# description: Reports whether the PC needs a restart to finish updates, installs, a rename or a domain join, and why.
# changes: Nothing; only reads the registry (and asks the Configuration Manager client where one is installed).
# interpreter: powershell
# platforms: windows
# timeout: 2m
# elevation: none

# Windows has no single "restart pending" flag; these are the places installers leave one.
# Windows PowerShell 5.1 compatible.
# Exit codes: 0 no restart pending, 1 a restart is pending.
Set-StrictMode -Version 2.0
$ErrorActionPreference = 'Stop'

$reasons = New-Object System.Collections.Generic.List[string]
function Test-Key([string]$path) { Test-Path -LiteralPath $path }
function Get-Value([string]$path, [string]$name) {
    try { (Get-ItemProperty -LiteralPath $path -Name $name -ErrorAction Stop).$name } catch { $null }
}

$cbs = 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Component Based Servicing'
if (Test-Key "$cbs\RebootPending") { $reasons.Add('Windows component servicing (CBS) has a RebootPending flag') }
if (Test-Key "$cbs\RebootInProgress") { $reasons.Add('Windows component servicing (CBS) has a RebootInProgress flag') }
if (Test-Key "$cbs\PackagesPending") { $reasons.Add('Windows component servicing (CBS) has packages pending') }
if (Test-Key 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\WindowsUpdate\Auto Update\RebootRequired') {
    $reasons.Add('Windows Update installed updates that need a restart')
}

# Files an installer could not replace while they were in use are swapped at the next start.
$renames = Get-Value 'HKLM:\SYSTEM\CurrentControlSet\Control\Session Manager' 'PendingFileRenameOperations'
if ($renames) {
    $files = @($renames | Where-Object { $_ } | ForEach-Object { $_ -replace '^\\\?\?\\', '' -replace '^!', '' })
    $reasons.Add("$([math]::Ceiling($files.Count / 2)) file operation(s) wait for the next start, e.g. $($files[0])")
}
$volatile = Get-Value 'HKLM:\SOFTWARE\Microsoft\Updates' 'UpdateExeVolatile'
if ($volatile -and $volatile -ne 0) { $reasons.Add('an installer set UpdateExeVolatile') }

# A rename takes effect at the next start: the active name still differs from the new one.
$active = Get-Value 'HKLM:\SYSTEM\CurrentControlSet\Control\ComputerName\ActiveComputerName' 'ComputerName'
$next = Get-Value 'HKLM:\SYSTEM\CurrentControlSet\Control\ComputerName\ComputerName' 'ComputerName'
if ($active -and $next -and $active -ne $next) { $reasons.Add("the PC was renamed from $active to $next") }
$netlogon = 'HKLM:\SYSTEM\CurrentControlSet\Services\Netlogon'
if ((Get-Value $netlogon 'JoinDomain') -or (Get-Value $netlogon 'AvoidSpnSet')) { $reasons.Add('a domain join waits for a restart') }

# Configuration Manager (SCCM) keeps its own list of deployments that need a restart.
try {
    $ccm = Invoke-CimMethod -Namespace 'root\ccm\ClientSDK' -ClassName 'CCM_ClientUtilities' -MethodName 'DetermineIfRebootPending' -ErrorAction Stop
    if ($ccm.RebootPending -or $ccm.IsHardRebootPending) { $reasons.Add('Configuration Manager reports a pending restart') }
} catch {
    # No Configuration Manager client on this PC.
}

# Uptime helps the technician: a PC up for 90 days has missed more than one update.
try {
    $boot = (Get-CimInstance -ClassName Win32_OperatingSystem).LastBootUpTime
    $up = (Get-Date) - $boot
    Write-Output ('Up for {0} day(s) {1} hour(s), since {2}' -f $up.Days, $up.Hours, $boot)
} catch {
    Write-Output 'Uptime: unknown'
}

if ($reasons.Count -gt 0) {
    foreach ($reason in $reasons) { Write-Output "RESTART NEEDED: $reason" }
    Write-Output 'Summary: a restart is pending'
    exit 1
}
Write-Output 'Summary: no restart pending'
exit 0
