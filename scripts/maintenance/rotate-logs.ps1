# helpline-script: rotate-logs
# description: Rotates and compresses log files larger than N MB in a folder, keeping K old copies.
# changes: For each file matching `pattern` in `dir` (and below) larger than `max_mb` MB: compresses a copy to <log>.1.gz, renumbers older copies (<log>.2.gz...), deletes copies beyond `keep`, empties the log in place.
# interpreter: powershell
# platforms: windows
# timeout: 30m
# elevation: required
# param: dir path Folder of the logs, e.g. C:\ProgramData\Vendor\Logs.
# param: pattern string default=*.log Which files are logs (wildcards * and ?).
# param: max_mb integer default=50 Rotate logs larger than this many MB (1-100000).
# param: keep integer default=5 Compressed old copies to keep per log (0-100; 0 only empties the log).
# param: dry_run boolean default=0 Only list what would be rotated.

# Parameters arrive only as HELPLINE_PARAM_* environment variables, validated, never run as code;
# paths are always used literally (-LiteralPath). Windows PowerShell 5.1 compatible.
# Exit codes: 0 done, 1 a log could not be rotated, 2 bad parameters.
Set-StrictMode -Version 2.0
$ErrorActionPreference = 'Stop'

function Stop-BadParam([string]$message) {
    [Console]::Error.WriteLine("rotate-logs: $message")
    exit 2
}
function Get-IntParam([string]$name, [string]$value, [string]$default, [int]$min, [int]$max) {
    if (-not $value) { $value = $default }
    if ($value -notmatch '^(0|[1-9][0-9]{0,5})\z' -or [int]$value -lt $min -or [int]$value -gt $max) {
        Stop-BadParam "$name must be a whole number from $min to $max, got `"$value`""
    }
    return [int]$value
}
$dir = if ($env:HELPLINE_PARAM_DIR) { $env:HELPLINE_PARAM_DIR } else { '' }
$pattern = if ($env:HELPLINE_PARAM_PATTERN) { $env:HELPLINE_PARAM_PATTERN } else { '*.log' }
$maxMb = Get-IntParam 'max_mb' $env:HELPLINE_PARAM_MAX_MB '50' 1 100000
$keep = Get-IntParam 'keep' $env:HELPLINE_PARAM_KEEP '5' 0 100
$dryRunText = if ($env:HELPLINE_PARAM_DRY_RUN) { $env:HELPLINE_PARAM_DRY_RUN } else { '0' }
if ($dryRunText -notmatch '^[01]\z') { Stop-BadParam "dry_run must be 0 or 1, got `"$dryRunText`"" }
$dryRun = $dryRunText -eq '1'
# A full path (C:\... or \\server\share\...), no "." or ".." parts.
if ($dir -notmatch '^([A-Za-z]:\\|\\\\[^\\]+\\)' -or $dir -match '(^|\\)\.{1,2}(\\|\z)') {
    Stop-BadParam "dir must be a full path like C:\ProgramData\Vendor\Logs, got `"$dir`""
}
if (-not (Test-Path -LiteralPath $dir -PathType Container)) { Stop-BadParam "dir `"$dir`" is not a folder" }
# Only a file name pattern: no folders, no quotes.
if ($pattern -notmatch '^[\w*?.-]{1,64}\z') { Stop-BadParam "pattern must be a file name pattern like *.log, got `"$pattern`"" }

$limit = [long]$maxMb * 1MB
Write-Output ("Logs ($pattern) larger than $maxMb MB in $dir, keeping $keep compressed copies" + $(if ($dryRun) { ' (dry run: nothing is changed)' } else { '' }))

# Prints what it did and counts into $count / $failed (a function's output is its return value
# in PowerShell, so it returns nothing).
$count = 0
$failed = 0
function Invoke-Rotation([IO.FileInfo]$file) {
    $path = $file.FullName
    # Open for writing first: if the program writing the log does not let others write, stop
    # before making a copy.
    try {
        $writer = New-Object IO.FileStream($path, [IO.FileMode]::Open, [IO.FileAccess]::Write, [IO.FileShare]::ReadWrite)
    } catch {
        Write-Output "PROBLEM: $path is locked by the program writing it; not rotated"
        $script:failed++
        return
    }
    try {
        if ($keep -gt 0) {
            Remove-Item -LiteralPath "$path.$keep.gz" -Force -ErrorAction SilentlyContinue
            for ($i = $keep - 1; $i -ge 1; $i--) {
                if (Test-Path -LiteralPath "$path.$i.gz") { Move-Item -LiteralPath "$path.$i.gz" -Destination "$path.$($i + 1).gz" -Force }
            }
            # Compress a copy, then empty the log in place: the program keeps its open file and
            # goes on writing (lines written in between the two steps are lost).
            $reader = New-Object IO.FileStream($path, [IO.FileMode]::Open, [IO.FileAccess]::Read, [IO.FileShare]::ReadWrite)
            $output = [IO.File]::Create("$path.1.gz.tmp")
            $gzip = New-Object IO.Compression.GZipStream($output, [IO.Compression.CompressionMode]::Compress)
            try { $reader.CopyTo($gzip) } finally { $gzip.Dispose(); $output.Dispose(); $reader.Dispose() }
            Move-Item -LiteralPath "$path.1.gz.tmp" -Destination "$path.1.gz" -Force
        }
        $writer.SetLength(0)
        Write-Output ('rotated {0} ({1:N0} MB)' -f $path, ($file.Length / 1MB))
        $script:count++
    } catch {
        Remove-Item -LiteralPath "$path.1.gz.tmp" -Force -ErrorAction SilentlyContinue
        Write-Output "PROBLEM: could not rotate ${path}: $($_.Exception.Message)"
        $script:failed++
    } finally {
        $writer.Dispose()
    }
}

# Already rotated copies (.gz, .1, .zip...) are never rotated again.
$logs = @(Get-ChildItem -LiteralPath $dir -Filter $pattern -Recurse -File -Force -ErrorAction SilentlyContinue |
    Where-Object { $_.Length -gt $limit -and $_.Name -notmatch '\.([0-9]+|gz|zip|7z|tmp)\z' })
foreach ($log in $logs) {
    if ($dryRun) {
        Write-Output ('would rotate {0} ({1:N0} MB)' -f $log.FullName, ($log.Length / 1MB))
        $count++
    } else {
        Invoke-Rotation $log
    }
}
$verb = if ($dryRun) { 'would rotate' } else { 'rotated' }
Write-Output ("Summary: $verb $count log(s)" + $(if ($failed) { ", $failed failed" } else { '' }))
if ($failed) { exit 1 }
exit 0
