# helpline-script: check-disks
# description: Reports full volumes, disks whose health or SMART status is failing and unhealthy volumes.
# changes: Nothing; only reads (Get-Volume, Get-PhysicalDisk, the SMART failure prediction in WMI).
# interpreter: powershell
# platforms: windows
# timeout: 5m
# elevation: required
# param: warn_percent integer default=90 Report volumes at least this full, in percent (1-100).

# Parameters arrive only as HELPLINE_PARAM_* environment variables, validated, never run as code.
# Windows PowerShell 5.1 compatible; Get-Volume and Get-PhysicalDisk need Windows 8 / Server 2012.
# Exit codes: 0 nothing found, 1 a problem was found, 2 bad parameters.
Set-StrictMode -Version 2.0
$ErrorActionPreference = 'Stop'

$warnText = if ($env:HELPLINE_PARAM_WARN_PERCENT) { $env:HELPLINE_PARAM_WARN_PERCENT } else { '90' }
if ($warnText -notmatch '^[1-9][0-9]{0,2}\z' -or [int]$warnText -gt 100) {
    [Console]::Error.WriteLine("check-disks: warn_percent must be a whole number from 1 to 100, got `"$warnText`"")
    exit 2
}
$warn = [int]$warnText
$problems = 0
function Write-Problem([string]$text) {
    Write-Output "  PROBLEM: $text"
    $script:problems++
}

# --- Volumes ---------------------------------------------------------------------------------
# Only volumes with a drive letter: recovery and EFI partitions have none and are meant to be full.
Write-Output "Volumes (warning at $warn% used):"
foreach ($volume in @(Get-Volume | Where-Object { $_.DriveType -eq 'Fixed' -and $_.DriveLetter -and $_.Size -gt 0 } | Sort-Object DriveLetter)) {
    $used = [math]::Floor(($volume.Size - $volume.SizeRemaining) * 100 / $volume.Size)
    Write-Output ('  {0}: {1,3}% used, {2:N1} GB free of {3:N1} GB ({4})' -f $volume.DriveLetter, $used, ($volume.SizeRemaining / 1GB), ($volume.Size / 1GB), $volume.FileSystem)
    if ($used -ge $warn) { Write-Problem "$($volume.DriveLetter): is $used% full" }
    if ($volume.HealthStatus -and "$($volume.HealthStatus)" -ne 'Healthy') {
        Write-Problem "$($volume.DriveLetter): health is $($volume.HealthStatus) (run chkdsk $($volume.DriveLetter): /scan)"
    }
}

# --- Disks -----------------------------------------------------------------------------------
Write-Output 'Disks:'
if (Get-Command Get-PhysicalDisk -ErrorAction SilentlyContinue) {
    foreach ($disk in @(Get-PhysicalDisk | Sort-Object DeviceId)) {
        $size = '{0:N0} GB' -f ($disk.Size / 1GB)
        Write-Output "  disk $($disk.DeviceId): $($disk.FriendlyName), $($disk.MediaType), $size, health $($disk.HealthStatus), $($disk.OperationalStatus -join ', ')"
        if ("$($disk.HealthStatus)" -ne 'Healthy') {
            Write-Problem "disk $($disk.DeviceId) ($($disk.FriendlyName)) health is $($disk.HealthStatus): check backups and replace it"
        }
        # Wear and uncorrected read errors, where the driver reports them.
        try {
            $counters = $disk | Get-StorageReliabilityCounter -ErrorAction Stop
            if ($counters.Wear -ge 90) { Write-Problem "disk $($disk.DeviceId) is $($counters.Wear)% worn out" }
            if ($counters.ReadErrorsUncorrected -gt 0) { Write-Problem "disk $($disk.DeviceId) has $($counters.ReadErrorsUncorrected) uncorrected read errors" }
        } catch {
            # Not every disk or driver reports counters; nothing to say then.
        }
    }
} else {
    Write-Output '  Get-PhysicalDisk is not available on this Windows version'
}

# --- SMART failure prediction ---------------------------------------------------------------
# The classic SMART flag as the disk driver reports it; absent on most virtual machines.
try {
    $predictions = @(Get-CimInstance -Namespace root\wmi -ClassName MSStorageDriver_FailurePredictStatus -ErrorAction Stop)
    foreach ($prediction in $predictions) {
        if ($prediction.PredictFailure) { Write-Problem "SMART predicts failure of $($prediction.InstanceName) (reason $($prediction.Reason))" }
    }
    Write-Output "SMART: $($predictions.Count) disk(s) report a status"
} catch {
    Write-Output 'SMART: no disk reports a failure prediction status (virtual machine or unsupported controller)'
}

if ($problems -gt 0) {
    Write-Output "Summary: $problems problem(s) found"
    exit 1
}
Write-Output 'Summary: no problems found'
exit 0
