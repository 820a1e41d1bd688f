# Projects migration objects to plain values inside PowerShell (facts §9), so that nothing stagemig
# parses depends on the machine's culture, the module's JSON depth or how enums are wrapped.

$script:Invariant = [System.Globalization.CultureInfo]::InvariantCulture

function Get-BridgeProp {
    param($Object, [string]$Name)
    if ($null -eq $Object) { return $null }
    if ($Object -is [System.Collections.IDictionary]) { return $Object[$Name] }
    $p = $Object.PSObject.Properties[$Name]
    if ($null -eq $p) { return $null }
    return $p.Value
}

# Enums arrive as .NET enums, plain strings, numbers or wrappers whose Value is the name (or the number):
# a name is passed on as text, a number as a number (stagemig maps it with the facts' value table).
function Get-BridgeEnumName {
    param($Value)
    if ($null -eq $Value) { return $null }
    if ($Value -is [string]) { return $Value }
    if ($Value -is [enum]) { return $Value.ToString() }
    if ($Value -is [int] -or $Value -is [long]) { return [long]$Value }
    $inner = Get-BridgeProp $Value 'Value'
    if ($inner -is [string]) { return $inner }
    if ($inner -is [int] -or $inner -is [long]) { return [long]$inner }
    return [string]$Value
}

# Addresses arrive as text, SmtpAddress objects (Address) or proxy address objects (AddressString).
function Get-BridgeAddress {
    param($Value)
    if ($null -eq $Value) { return $null }
    if ($Value -is [string]) { return $Value }
    foreach ($name in 'Address', 'AddressString', 'ProxyAddressString') {
        $inner = Get-BridgeProp $Value $name
        if ($inner -is [string] -and $inner -ne '') { return $inner }
    }
    return [string]$Value
}

# Only *UTC properties (and DateTime values of Kind Utc/Local) are UTC; see facts §9.3.
function Get-BridgeUtc {
    param($Value)
    if ($null -eq $Value) { return $null }
    if ($Value -is [string]) {
        if ([string]::IsNullOrWhiteSpace($Value)) { return $null }
        if ($Value -match '^/Date\((-?\d+)\)/$') { $d = [DateTimeOffset]::FromUnixTimeMilliseconds([long]$Matches[1]).UtcDateTime }
        else {
            $styles = [System.Globalization.DateTimeStyles]'AdjustToUniversal, AssumeUniversal'
            $d = [datetime]::Parse($Value, $script:Invariant, $styles)
        }
    }
    elseif ($Value -is [DateTimeOffset]) { $d = $Value.UtcDateTime }
    elseif ($Value -is [datetime]) { $d = if ($Value.Kind -eq [DateTimeKind]::Local) { $Value.ToUniversalTime() } else { $Value } }
    else { throw "Unexpected date value of type $($Value.GetType().FullName)" }
    $format = if ($d.Millisecond -eq 0) { "yyyy-MM-dd'T'HH:mm:ss'Z'" } else { "yyyy-MM-dd'T'HH:mm:ss.fff'Z'" }
    return $d.ToString($format, $script:Invariant)
}

# Unlimited<int>: a number, the string 'Unlimited', or an object with IsUnlimited and Value.
function Get-BridgeUnlimited {
    param($Value)
    if ($null -eq $Value) { return $null }
    if ($Value -is [int] -or $Value -is [long]) { return [long]$Value }
    if ((Get-BridgeProp $Value 'IsUnlimited') -eq $true) { return 'Unlimited' }
    $inner = Get-BridgeProp $Value 'Value'
    if ($Value -isnot [string] -and $null -ne $inner) { $Value = $inner }
    if ($Value -is [int] -or $Value -is [long]) { return [long]$Value }
    $text = ([string]$Value).Trim()
    if ($text -match '^\d+$') { return [long]$text }
    if ($text -eq 'Unlimited') { return 'Unlimited' }
    throw "Unexpected Unlimited value '$text'"
}

function Get-BridgeText { param($Value) if ($null -eq $Value) { return $null }; $t = [string]$Value; if ($t -eq '') { return $null }; return $t }

function Get-BridgeCount { param($Value) if ($null -eq $Value) { return 0 }; return [long]$Value }

# MigrationEndpointId: Id is the name. A nested SourceEndpoint is the whole endpoint object.
function Get-BridgeEndpointName {
    param($Value)
    if ($null -eq $Value -or $Value -is [string]) { return $Value }
    $identity = Get-BridgeProp $Value 'Identity'
    if ($null -ne $identity) { $Value = $identity }
    if ($Value -is [string]) { return $Value }
    $id = Get-BridgeProp $Value 'Id'
    if ($id -is [string] -and $id -ne '') { return $id }
    return [string]$Value
}

# MigrationBatchId: Name is the name (Id is the job GUID).
function Get-BridgeBatchName {
    param($Value)
    if ($null -eq $Value -or $Value -is [string]) { return $Value }
    $name = Get-BridgeProp $Value 'Name'
    if ($name -is [string] -and $name -ne '') { return $name }
    return [string]$Value
}

function Get-BridgeTexts { param($Value) return , @(@($Value) | Where-Object { $null -ne $_ } | ForEach-Object { [string]$_ }) }

function ConvertTo-BridgeEndpoint {
    param($E)
    return [ordered]@{
        name                          = Get-BridgeEndpointName (Get-BridgeProp $E 'Identity')
        type                          = Get-BridgeEnumName (Get-BridgeProp $E 'EndpointType')
        autodiscover                  = [bool](Get-BridgeProp $E 'UseAutoDiscover')
        exchangeServer                = Get-BridgeText (Get-BridgeProp $E 'ExchangeServer')
        rpcProxyServer                = Get-BridgeText (Get-BridgeProp $E 'RpcProxyServer')
        username                      = Get-BridgeText (Get-BridgeProp $E 'Username')
        authentication                = Get-BridgeEnumName (Get-BridgeProp $E 'Authentication')
        maxConcurrentMigrations       = Get-BridgeUnlimited (Get-BridgeProp $E 'MaxConcurrentMigrations')
        maxConcurrentIncrementalSyncs = Get-BridgeUnlimited (Get-BridgeProp $E 'MaxConcurrentIncrementalSyncs')
    }
}

function ConvertTo-BridgeBatch {
    param($B)
    $out = [ordered]@{
        name               = Get-BridgeBatchName (Get-BridgeProp $B 'Identity')
        status             = Get-BridgeEnumName (Get-BridgeProp $B 'Status')
        endpoint           = Get-BridgeEndpointName (Get-BridgeProp $B 'SourceEndpoint')
        notificationEmails = @(@(Get-BridgeProp $B 'NotificationEmails') | Where-Object { $null -ne $_ } | ForEach-Object { Get-BridgeAddress $_ })
    }
    foreach ($n in 'Total', 'Active', 'Synced', 'Failed', 'Stopped', 'Pending', 'Provisioned') {
        $out["$($n.ToLowerInvariant())Count"] = Get-BridgeCount (Get-BridgeProp $B "$($n)Count")
    }
    foreach ($n in 'CreationDateTime', 'StartDateTime', 'InitialSyncDateTime', 'LastSyncedDateTime', 'StartAfter') {
        $out[$n.Substring(0, 1).ToLowerInvariant() + $n.Substring(1)] = Get-BridgeUtc (Get-BridgeProp $B "$($n)UTC")
    }
    $out['dataConsistencyScore'] = Get-BridgeEnumName (Get-BridgeProp $B 'DataConsistencyScore')
    $out['validationWarnings'] = Get-BridgeTexts (Get-BridgeProp $B 'ValidationWarnings')
    # IsStaged (False for a cutover batch); absent on objects that do not carry it.
    $staged = Get-BridgeProp $B 'IsStaged'
    if ($null -ne $staged) { $out['isStaged'] = [bool]$staged }
    return $out
}
