# helpline-script: clean-temp
# description: Deletes temporary files and caches older than N days.
# changes: Deletes files (not folders) in %SystemRoot%\Temp and in every user's AppData\Local\Temp and AppData\Local\Microsoft\Windows\INetCache last modified more than `days` days ago. Files in use are skipped.
# interpreter: powershell
# platforms: windows
# timeout: 10m
# elevation: required
# param: days integer default=7 Delete files older than this many days (1-3650).
# param: dry_run boolean default=0 Only list what would be deleted.

# Parameters arrive only as HELPLINE_PARAM_* environment variables; they are validated here and
# used as values, never run as code. Windows PowerShell 5.1 compatible.
# Exit codes: 0 done (files in use are normal in temp folders and only counted), 2 bad parameters.
Set-StrictMode -Version 2.0
$ErrorActionPreference = 'Stop'

function Stop-BadParam([string]$message) {
    [Console]::Error.WriteLine("clean-temp: $message")
    exit 2
}

$daysText = if ($env:HELPLINE_PARAM_DAYS) { $env:HELPLINE_PARAM_DAYS } else { '7' }
$dryRunText = if ($env:HELPLINE_PARAM_DRY_RUN) { $env:HELPLINE_PARAM_DRY_RUN } else { '0' }
# \z, not $: in .NET $ also matches before a trailing newline.
if ($daysText -notmatch '^[1-9][0-9]{0,3}\z' -or [int]$daysText -gt 3650) {
    Stop-BadParam "days must be a whole number from 1 to 3650, got `"$daysText`""
}
if ($dryRunText -notmatch '^[01]\z') { Stop-BadParam "dry_run must be 0 or 1, got `"$dryRunText`"" }
$days = [int]$daysText
$dryRun = $dryRunText -eq '1'
$cutoff = (Get-Date).AddDays(-$days)

$folders = New-Object System.Collections.Generic.List[string]
$folders.Add((Join-Path $env:SystemRoot 'Temp'))
# Real user profiles only (Special ones are the system accounts' profiles).
foreach ($userProfile in @(Get-CimInstance -ClassName Win32_UserProfile -ErrorAction SilentlyContinue)) {
    if ($userProfile.Special -or -not $userProfile.LocalPath) { continue }
    $folders.Add((Join-Path $userProfile.LocalPath 'AppData\Local\Temp'))
    $folders.Add((Join-Path $userProfile.LocalPath 'AppData\Local\Microsoft\Windows\INetCache'))
}

# Walks a folder by hand instead of Get-ChildItem -Recurse so that junctions and symbolic links
# (reparse points) are never followed out of the temp folder.
function Get-OldFile([string]$folder) {
    $pending = New-Object System.Collections.Stack
    $pending.Push($folder)
    while ($pending.Count -gt 0) {
        $current = $pending.Pop()
        foreach ($item in @(Get-ChildItem -LiteralPath $current -Force -ErrorAction SilentlyContinue)) {
            if ($item.Attributes -band [IO.FileAttributes]::ReparsePoint) { continue }
            if ($item.PSIsContainer) { $pending.Push($item.FullName) }
            elseif ($item.LastWriteTime -lt $cutoff) { $item }
        }
    }
}

$verb = if ($dryRun) { 'would delete' } else { 'deleted' }
Write-Output ("Cleaning files older than $days days" + $(if ($dryRun) { ' (dry run: nothing is deleted)' } else { '' }))
$count = 0
$bytes = [long]0
$inUse = 0
foreach ($folder in $folders) {
    if (-not (Test-Path -LiteralPath $folder -PathType Container)) { continue }
    foreach ($file in @(Get-OldFile $folder)) {
        if (-not $dryRun) {
            try { Remove-Item -LiteralPath $file.FullName -Force -ErrorAction Stop }
            catch { $inUse++; continue }
        }
        $count++
        $bytes += $file.Length
        if ($count -le 200) { Write-Output "$verb $($file.FullName)" }
    }
}
if ($count -gt 200) { Write-Output "... and $($count - 200) more" }
$note = if ($inUse -gt 0) { "; $inUse file(s) in use were skipped" } else { '' }
Write-Output ('Summary: {0} {1} file(s), {2:N1} MB{3}' -f $verb, $count, ($bytes / 1MB), $note)
exit 0
