# stagemig's PowerShell bridge. stagemig starts one `pwsh -NoLogo -NoProfile -NonInteractive -File bridge.ps1`
# per run and talks to it in line-delimited JSON over stdin/stdout:
#   request  {"id": 1, "cmdlet": "Get-MigrationBatch", "parameters": {"ResultSize": "Unlimited"}}
#   response <RS>stagemig:{"id": 1, "ok": true, "result": [...], "warnings": []}
#            <RS>stagemig:{"id": 1, "ok": false, "error": "<service message>", "errorType": "...", ...}
# Response lines carry a marker (ASCII record separator + "stagemig:") so that anything a module prints
# to the host cannot be mistaken for a response. Secrets arrive only in requests, never in arguments.
# End of input (stagemig closed the pipe or died) disconnects the session and ends the process.
Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$ConfirmPreference = 'High'

$utf8 = [System.Text.UTF8Encoding]::new($false)
[Console]::OutputEncoding = $utf8
$OutputEncoding = $utf8
$reader = [System.IO.StreamReader]::new([Console]::OpenStandardInput(), $utf8, $false)
$writer = [System.IO.StreamWriter]::new([Console]::OpenStandardOutput(), $utf8)
$writer.NewLine = "`n"
$writer.AutoFlush = $true
$marker = [string][char]0x1E + 'stagemig:'

. (Join-Path $PSScriptRoot 'bridge/json.ps1')
. (Join-Path $PSScriptRoot 'bridge/normalize.ps1')
. (Join-Path $PSScriptRoot 'bridge/normalize-users.ps1')
. (Join-Path $PSScriptRoot 'bridge/normalize-mailboxes.ps1')
. (Join-Path $PSScriptRoot 'bridge/normalize-preflight.ps1')
. (Join-Path $PSScriptRoot 'bridge/normalize-graph.ps1')
. (Join-Path $PSScriptRoot 'bridge/invoke.ps1')
$script:Connected = $false
$script:GraphConnected = $false

function Send-BridgeResponse {
    param($Response)
    $writer.WriteLine("`n" + $marker + (ConvertTo-BridgeJson $Response))
}

Send-BridgeResponse ([ordered]@{
        id = 0; ok = $true; warnings = @()
        result = [ordered]@{ bridge = 1; psVersion = $PSVersionTable.PSVersion.ToString(); platform = [string]$PSVersionTable.Platform }
    })

try {
    while ($null -ne ($line = $reader.ReadLine())) {
        if ($line.Trim() -eq '') { continue }
        $id = $null
        try {
            try { $request = ConvertFrom-BridgeJson $line } catch { throw 'The bridge received a line that is not JSON.' }
            if ($request -isnot [System.Collections.IDictionary]) { throw 'A request must be a JSON object.' }
            $id = $request['id']
            $outcome = Invoke-BridgeCmdlet ([string]$request['cmdlet']) $request['parameters']
            Send-BridgeResponse ([ordered]@{ id = $id; ok = $true; result = $outcome.result; warnings = $outcome.warnings })
        }
        catch {
            $failure = ConvertTo-BridgeError $_
            $failure.Insert(0, 'ok', $false)
            $failure.Insert(0, 'id', $id)
            Send-BridgeResponse $failure
        }
    }
}
finally {
    if ($script:GraphConnected) {
        try { Disconnect-MgGraph -ErrorAction Stop -WarningAction SilentlyContinue | Out-Null } catch { }
    }
    if ($script:Connected) {
        try { Disconnect-ExchangeOnline -Confirm:$false -ErrorAction Stop -WarningAction SilentlyContinue | Out-Null } catch { }
    }
    $writer.Flush()
}
