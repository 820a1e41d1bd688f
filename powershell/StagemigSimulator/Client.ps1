# HTTP client for `stagemig simulator serve`: POST /invoke {cmdlet, parameters} → {ok, warnings, result} | {ok, error}.

$script:SimUrl = $null
$script:SimConnected = $false
$script:SimCommands = $null
$script:SimHttp = [System.Net.Http.HttpClient]::new()
$script:SimHttp.Timeout = [TimeSpan]::FromMinutes(15)

function ConvertFrom-SimJsonElement {
    param([System.Text.Json.JsonElement]$Element)
    switch ($Element.ValueKind.ToString()) {
        'Object' {
            $table = [ordered]@{}
            foreach ($p in $Element.EnumerateObject()) { $table[$p.Name] = ConvertFrom-SimJsonElement $p.Value }
            return $table
        }
        'Array' {
            $list = [System.Collections.Generic.List[object]]::new()
            foreach ($item in $Element.EnumerateArray()) { $list.Add((ConvertFrom-SimJsonElement $item)) }
            return , $list.ToArray()
        }
        'String' { return $Element.GetString() }
        'Number' { $long = 0L; if ($Element.TryGetInt64([ref]$long)) { return $long }; return $Element.GetDouble() }
        'True' { return $true }
        'False' { return $false }
        default { return $null }
    }
}

# The service's refusal as Exchange Online V3 shows it: "<code>|<exception type>|<message>" (facts §8.9).
function New-SimErrorRecord {
    param([string]$Message, [string]$Cmdlet, [string]$Category = 'NotSpecified')
    $type = if ($Message -match 'maximum number of concurrent requests') { 'Microsoft.Exchange.Migration.MigrationTransientException' }
    elseif ($Message -match "can't be found|couldn't be found|wasn't found") { 'Microsoft.Exchange.Migration.MigrationObjectNotFoundException' }
    else { 'Microsoft.Exchange.Migration.MigrationPermanentException' }
    $exception = [System.Exception]::new("|$type|$Message")
    return [System.Management.Automation.ErrorRecord]::new($exception, "[Server=STAGEMIG-SIMULATOR],Write-ErrorMessage", $Category, $Cmdlet)
}

# Cmdlets exist only after Connect-ExchangeOnline, and only those named in its -CommandName.
function Assert-SimCommand {
    param([System.Management.Automation.PSCmdlet]$Caller, [string]$Name)
    $listed = $null -eq $script:SimCommands -or ($script:SimCommands -contains $Name)
    if ($script:SimConnected -and $listed) { return }
    $text = "The term '$Name' is not recognized as a name of a cmdlet, function, script file, or executable program."
    $exception = [System.Management.Automation.CommandNotFoundException]::new($text)
    $Caller.ThrowTerminatingError([System.Management.Automation.ErrorRecord]::new($exception, 'CommandNotFoundException', 'ObjectNotFound', $Name))
}

function Send-SimRequest {
    param([string]$Url, [string]$Cmdlet, [System.Collections.IDictionary]$Parameters)
    $body = ConvertTo-Json -InputObject ([ordered]@{ cmdlet = $Cmdlet; parameters = $Parameters }) -Compress -Depth 8
    $content = [System.Net.Http.StringContent]::new($body, [System.Text.UTF8Encoding]::new($false), 'application/json')
    try {
        $response = $script:SimHttp.PostAsync("$($Url.TrimEnd('/'))/invoke", $content).GetAwaiter().GetResult()
        $text = $response.Content.ReadAsStringAsync().GetAwaiter().GetResult()
    }
    catch {
        $inner = $_.Exception.GetBaseException().Message
        return [ordered]@{ ok = $false; error = "Cannot reach the stagemig simulator at $($Url): $inner"; unreachable = $true }
    }
    return ConvertFrom-SimJson $text
}

# PowerShell 7.5+ parses fast and keeps date-like text as text (-DateKind String); older versions walk
# System.Text.Json, since plain ConvertFrom-Json would turn a batch named like a date into a DateTime.
$script:FastJson = (Get-Command ConvertFrom-Json).Parameters.ContainsKey('DateKind')
function ConvertFrom-SimJson {
    param([string]$Text)
    if ($script:FastJson) { return ConvertFrom-Json -InputObject $Text -AsHashtable -DateKind String -Depth 64 -NoEnumerate }
    $doc = [System.Text.Json.JsonDocument]::Parse($Text, [System.Text.Json.JsonDocumentOptions]::new())
    try { return ConvertFrom-SimJsonElement $doc.RootElement } finally { $doc.Dispose() }
}

# Runs one cmdlet on the simulator; a refusal becomes a terminating error with the service's text.
function Invoke-SimCmdlet {
    param([System.Management.Automation.PSCmdlet]$Caller, [string]$Name, [System.Collections.IDictionary]$Parameters)
    Assert-SimCommand $Caller $Name
    $response = Send-SimRequest $script:SimUrl $Name $Parameters
    if (-not $response['ok']) {
        $Caller.ThrowTerminatingError((New-SimErrorRecord ([string]$response['error']) $Name))
    }
    foreach ($w in @($response['warnings'])) { if ($null -ne $w) { $Caller.WriteWarning([string]$w) } }
    return $response['result']
}
