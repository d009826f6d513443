# helpline-script: restart-print-spooler
# description: Clears the print queue and restarts the Print Spooler service, for print jobs that are stuck.
# changes: Stops the Spooler service (and services that depend on it), deletes every queued job file in %SystemRoot%\System32\spool\PRINTERS, starts the services again. All queued print jobs are lost.
# interpreter: powershell
# platforms: windows
# timeout: 5m
# elevation: required
# param: dry_run boolean default=0 Only list the job files that would be deleted.

# Parameters arrive only as HELPLINE_PARAM_* environment variables, validated, never run as code.
# Windows PowerShell 5.1 compatible.
# Exit codes: 0 done, 1 a step failed, 2 bad parameters, 3 no Print Spooler service.
Set-StrictMode -Version 2.0
$ErrorActionPreference = 'Stop'

$dryRunText = if ($env:HELPLINE_PARAM_DRY_RUN) { $env:HELPLINE_PARAM_DRY_RUN } else { '0' }
if ($dryRunText -notmatch '^[01]\z') {
    [Console]::Error.WriteLine("restart-print-spooler: dry_run must be 0 or 1, got `"$dryRunText`"")
    exit 2
}
$dryRun = $dryRunText -eq '1'

$spooler = Get-Service -Name Spooler -ErrorAction SilentlyContinue
if (-not $spooler) {
    Write-Output 'Not applicable: this PC has no Print Spooler service'
    exit 3
}
$spool = Join-Path $env:SystemRoot 'System32\spool\PRINTERS'
# Each queued job is a .SPL (the data) and a .SHD (the shadow file describing it).
function Get-JobFile { @(Get-ChildItem -LiteralPath $spool -File -Force -ErrorAction SilentlyContinue) }

$files = @(Get-JobFile)
Write-Output "Spooler is $($spooler.Status); $($files.Count) job file(s) in $spool"
foreach ($file in ($files | Select-Object -First 50)) { Write-Output "  $($file.Name) ($($file.Length) bytes, $($file.LastWriteTime))" }

# Stop-Service -Force also stops services that depend on the spooler (e.g. Fax); start them again after.
$dependents = @($spooler.DependentServices | Where-Object { $_.Status -eq 'Running' })
if ($dryRun) {
    $others = if ($dependents.Count -gt 0) { " and $($dependents.Name -join ', ')" } else { '' }
    Write-Output "Would stop the Spooler$others, delete the $($files.Count) job file(s) above and start it again"
    Write-Output 'Summary: dry run, nothing changed'
    exit 0
}

$failed = $false
try {
    Write-Output 'Stopping the Spooler service'
    Stop-Service -Name Spooler -Force
    $spooler.WaitForStatus('Stopped', [TimeSpan]::FromSeconds(60))
} catch {
    Write-Output "PROBLEM: the Spooler did not stop: $($_.Exception.Message)"
    $failed = $true
}

# With the service stopped nothing holds the files open.
$deleted = 0
foreach ($file in Get-JobFile) {
    try {
        Remove-Item -LiteralPath $file.FullName -Force
        $deleted++
    } catch {
        Write-Output "PROBLEM: could not delete $($file.FullName): $($_.Exception.Message)"
        $failed = $true
    }
}
Write-Output "Deleted $deleted job file(s)"

try {
    Write-Output 'Starting the Spooler service'
    Start-Service -Name Spooler
    foreach ($service in $dependents) { Start-Service -Name $service.Name }
} catch {
    Write-Output "PROBLEM: starting failed: $($_.Exception.Message); nobody can print until the Spooler runs"
    Write-Output 'Summary: the Spooler is not running'
    exit 1
}
$status = (Get-Service -Name Spooler).Status
if ("$status" -ne 'Running') {
    Write-Output "Summary: PROBLEM: the Spooler is $status after the restart"
    exit 1
}
if ($failed) {
    Write-Output "Summary: the Spooler was restarted but not everything worked (see PROBLEM lines)"
    exit 1
}
Write-Output "Summary: deleted $deleted job file(s), the Spooler is running again"
exit 0
