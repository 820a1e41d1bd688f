// PowerShell helper functions every runbook with steps defines before its steps. Fixed text: no plan value is ever pasted in here.
// Must not: hold a value from a plan, or let the runbook show a secret (an unset variable's error names only the variable).

export const RUNBOOK_HELPERS = String.raw`# Reads a secret from the environment when the runbook runs; it is never written into this file.
function Get-StagemigSecret {
    param([Parameter(Mandatory)][string]$Name)
    $value = [Environment]::GetEnvironmentVariable($Name)
    if ([string]::IsNullOrEmpty($value)) { throw "Environment variable $Name is not set." }
    $secure = [System.Security.SecureString]::new()
    foreach ($ch in $value.ToCharArray()) { $secure.AppendChar($ch) }
    $secure.MakeReadOnly()
    return $secure
}

# Reads a batch's CSV file when the runbook runs (passwords included) and returns, as UTF-8 bytes for
# -CSVData, only the rows of the listed mailboxes. Accepts UTF-8 (with or without BOM) and UTF-16.
function Get-StagemigCsvData {
    param([Parameter(Mandatory)][string]$Path, [Parameter(Mandatory)][string[]]$EmailAddress)
    $bytes = [System.IO.File]::ReadAllBytes($Path)
    $text = if ($bytes.Length -ge 3 -and $bytes[0] -eq 0xEF -and $bytes[1] -eq 0xBB -and $bytes[2] -eq 0xBF) {
        [System.Text.Encoding]::UTF8.GetString($bytes, 3, $bytes.Length - 3)
    } elseif ($bytes.Length -ge 2 -and $bytes[0] -eq 0xFF -and $bytes[1] -eq 0xFE) {
        [System.Text.Encoding]::Unicode.GetString($bytes, 2, $bytes.Length - 2)
    } elseif ($bytes.Length -ge 2 -and $bytes[0] -eq 0xFE -and $bytes[1] -eq 0xFF) {
        [System.Text.Encoding]::BigEndianUnicode.GetString($bytes, 2, $bytes.Length - 2)
    } else { [System.Text.Encoding]::UTF8.GetString($bytes) }
    $rows = @($text | ConvertFrom-Csv)
    if ($rows.Count -eq 0) { throw "$Path has no rows." }
    $column = @{}
    foreach ($name in $rows[0].PSObject.Properties.Name) { $column[$name.Trim().ToLowerInvariant()] = $name }
    if (-not $column.ContainsKey('emailaddress')) { throw "$Path has no EmailAddress column." }
    $wanted = [System.Collections.Generic.HashSet[string]]::new([System.StringComparer]::OrdinalIgnoreCase)
    foreach ($address in $EmailAddress) { $null = $wanted.Add($address.Trim()) }
    $selected = @(foreach ($row in $rows) {
            $address = ([string]$row.($column['emailaddress'])).Trim()
            if (-not $wanted.Contains($address)) { continue }
            $out = [ordered]@{ EmailAddress = $address }
            if ($column.ContainsKey('password')) { $out.Password = [string]$row.($column['password']) }
            if ($column.ContainsKey('forcechangepassword')) { $out.ForceChangePassword = ([string]$row.($column['forcechangepassword'])).Trim() }
            [pscustomobject]$out
        })
    if ($selected.Count -ne $wanted.Count) {
        throw "$Path changed since the plan was made: expected $($wanted.Count) of its rows, found $($selected.Count). Make a new plan."
    }
    $csv = (@($selected | ConvertTo-Csv -NoTypeInformation) -join "` + '`r`n' + String.raw`") + "` + '`r`n' + String.raw`"
    return , [System.Text.UTF8Encoding]::new($false).GetBytes($csv)
}`;
