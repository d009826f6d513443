# helpline-script: antivirus-quick-scan
# description: Runs a Microsoft Defender quick scan and reports what it found.
# changes: Nothing by this script; Defender itself quarantines or removes threats it finds, as its own settings say.
# interpreter: powershell
# platforms: windows
# timeout: 1h
# elevation: required

# Uses the Defender module that ships with Windows (Start-MpScan -ScanType QuickScan).
# Windows PowerShell 5.1 compatible.
# Exit codes: 0 nothing found, 1 threats were found or the scan failed, 3 Defender is not
# installed or not the active antivirus.
Set-StrictMode -Version 2.0
$ErrorActionPreference = 'Stop'

if (-not (Get-Command Start-MpScan -ErrorAction SilentlyContinue)) {
    Write-Output 'Not applicable: Microsoft Defender is not installed (no Defender module)'
    exit 3
}
try {
    $status = Get-MpComputerStatus
} catch {
    Write-Output "Not applicable: Microsoft Defender is not running ($($_.Exception.Message))"
    exit 3
}
# With another antivirus product installed, Defender switches itself off (or to passive mode).
if (-not $status.AntivirusEnabled) {
    Write-Output 'Not applicable: Defender antivirus is turned off (is another antivirus product installed?)'
    exit 3
}
if (-not $status.RealTimeProtectionEnabled) { Write-Output 'WARNING: real-time protection is turned off' }
# Definitions older than a week miss current threats: say so, but scan anyway.
if ($status.AntivirusSignatureAge -gt 7) {
    Write-Output "WARNING: the virus definitions are $($status.AntivirusSignatureAge) days old (version $($status.AntivirusSignatureVersion)): check Windows Update"
}

# Detections are kept in a history; only the ones from this scan count.
$started = Get-Date
Write-Output "Quick scan started at $started"
try {
    Start-MpScan -ScanType QuickScan
} catch {
    Write-Output "PROBLEM: the scan failed: $($_.Exception.Message)"
    Write-Output 'Summary: scan failed'
    exit 1
}
Write-Output "Quick scan finished after $([math]::Round(((Get-Date) - $started).TotalMinutes, 1)) minute(s)"

$names = @{}
foreach ($threat in @(Get-MpThreat -ErrorAction SilentlyContinue)) { $names[[string]$threat.ThreatID] = $threat.ThreatName }
$found = @(Get-MpThreatDetection -ErrorAction SilentlyContinue | Where-Object { $_.InitialDetectionTime -ge $started.AddSeconds(-5) })
foreach ($detection in $found) {
    $name = if ($names.ContainsKey([string]$detection.ThreatID)) { $names[[string]$detection.ThreatID] } else { "threat $($detection.ThreatID)" }
    $action = if ($detection.ActionSuccess) { 'dealt with by Defender' } else { 'NOT dealt with: needs attention' }
    Write-Output "FOUND: $name, $action"
    foreach ($resource in @($detection.Resources)) { Write-Output "  $resource" }
}

if ($found.Count -gt 0) {
    Write-Output "Summary: $($found.Count) threat(s) found (see Windows Security > Protection history)"
    exit 1
}
Write-Output 'Summary: no threats found'
exit 0
