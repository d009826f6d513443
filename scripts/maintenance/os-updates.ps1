# helpline-script: os-updates
# description: Lists pending Windows updates and, with apply=1, downloads and installs them.
# changes: With apply=1 downloads and installs all pending software updates (not drivers) that need no one at the PC; accepts their license terms; does not restart the PC.
# interpreter: powershell
# platforms: windows
# timeout: 2h
# elevation: required
# param: apply boolean default=0 Install the pending updates instead of only listing them.
# param: dry_run boolean default=0 Only say what would be installed.

# Uses the Windows Update Agent COM API (Microsoft.Update.Session): no extra modules needed.
# Parameters arrive only as HELPLINE_PARAM_* environment variables, validated, never run as code.
# Exit codes: 0 done (whether or not updates are pending), 1 searching or installing failed,
# 2 bad parameters.
Set-StrictMode -Version 2.0
$ErrorActionPreference = 'Stop'

function Get-BoolParam([string]$name, [string]$value, [string]$default) {
    if (-not $value) { $value = $default }
    if ($value -notmatch '^[01]\z') {
        [Console]::Error.WriteLine("os-updates: $name must be 0 or 1, got `"$value`"")
        exit 2
    }
    return $value -eq '1'
}
$apply = Get-BoolParam 'apply' $env:HELPLINE_PARAM_APPLY '0'
$dryRun = Get-BoolParam 'dry_run' $env:HELPLINE_PARAM_DRY_RUN '0'

$session = New-Object -ComObject Microsoft.Update.Session
$session.ClientApplicationID = 'Helpline maintenance'
Write-Output 'Searching for updates (this can take a few minutes)...'
try {
    $search = $session.CreateUpdateSearcher().Search("IsInstalled=0 and IsHidden=0 and Type='Software'")
} catch {
    Write-Output "PROBLEM: searching for updates failed: $($_.Exception.Message)"
    Write-Output 'Summary: could not search for updates'
    exit 1
}

$updates = @()
for ($i = 0; $i -lt $search.Updates.Count; $i++) { $updates += $search.Updates.Item($i) }
$security = 0
Write-Output "Pending updates: $($updates.Count)"
foreach ($update in $updates) {
    $severity = if ($update.MsrcSeverity) { " [$($update.MsrcSeverity)]" } else { '' }
    if ($update.MsrcSeverity) { $security++ }
    Write-Output "  $($update.Title)$severity"
}

if (-not $apply -or $updates.Count -eq 0) {
    Write-Output "Summary: $($updates.Count) update(s) pending ($security security)"
    exit 0
}

# Updates that would show a dialog cannot be installed with nobody at the PC.
$toInstall = New-Object -ComObject Microsoft.Update.UpdateColl
foreach ($update in $updates) {
    if ($update.InstallationBehavior.CanRequestUserInput) {
        Write-Output "  skipped (needs someone at the PC): $($update.Title)"
        continue
    }
    if ($dryRun) { Write-Output "  would install: $($update.Title)"; continue }
    if (-not $update.EulaAccepted) { $update.AcceptEula() }
    [void]$toInstall.Add($update)
}
if ($dryRun) {
    Write-Output 'Summary: dry run, nothing installed'
    exit 0
}
if ($toInstall.Count -eq 0) {
    Write-Output 'Summary: nothing could be installed without someone at the PC'
    exit 1
}

# OperationResultCode: 2 succeeded, 3 succeeded with errors, 4 failed, 5 aborted.
try {
    Write-Output "Downloading $($toInstall.Count) update(s)..."
    $downloader = $session.CreateUpdateDownloader()
    $downloader.Updates = $toInstall
    [void]$downloader.Download()
    Write-Output "Installing $($toInstall.Count) update(s)..."
    $installer = $session.CreateUpdateInstaller()
    $installer.Updates = $toInstall
    $result = $installer.Install()
} catch {
    Write-Output "PROBLEM: installing failed: $($_.Exception.Message)"
    Write-Output 'Summary: updates were not installed'
    exit 1
}
$names = @{ 2 = 'installed'; 3 = 'installed with errors'; 4 = 'FAILED'; 5 = 'aborted' }
$failed = 0
for ($i = 0; $i -lt $toInstall.Count; $i++) {
    $code = [int]$result.GetUpdateResult($i).ResultCode
    $text = if ($names.ContainsKey($code)) { $names[$code] } else { "result $code" }
    if ($code -ne 2) { $failed++ }
    Write-Output "  ${text}: $($toInstall.Item($i).Title)"
}
if ($result.RebootRequired) { Write-Output 'A restart is needed to finish the updates (not done by this script)' }
if ($failed -gt 0) {
    Write-Output "Summary: $($toInstall.Count - $failed) of $($toInstall.Count) update(s) installed; $failed did not install cleanly"
    exit 1
}
Write-Output "Summary: installed $($toInstall.Count) update(s)"
exit 0
