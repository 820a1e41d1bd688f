# Bound PowerShell parameters → the JSON values the simulator reads (model WireValue).

$script:CommonParameters = @(
    'Verbose', 'Debug', 'ErrorAction', 'WarningAction', 'InformationAction', 'ProgressAction', 'ErrorVariable',
    'WarningVariable', 'InformationVariable', 'OutVariable', 'OutBuffer', 'PipelineVariable', 'WhatIf', 'Confirm'
)

# *IdParameter values: a name, a GUID, or an object with an Identity (piped from a Get-* cmdlet).
function ConvertTo-SimIdentity {
    param($Value)
    if ($null -eq $Value) { return $null }
    if ($Value -is [ExValue]) { return ConvertTo-SimIdentity $Value.RawValue }
    if ($Value -is [string]) { return $Value }
    $identity = $Value.PSObject.Properties['Identity']
    if ($null -ne $identity) { return [string]$identity.Value }
    return [string]$Value
}

function ConvertTo-SimWireValue {
    param($Value)
    if ($null -eq $Value) { return $null }
    if ($Value -is [ExValue]) { return ConvertTo-SimWireValue $Value.RawValue }
    if ($Value -is [System.Management.Automation.SwitchParameter]) { return $Value.IsPresent }
    if ($Value -is [bool] -or $Value -is [string]) { return $Value }
    if ($Value -is [int] -or $Value -is [long]) { return $Value }
    if ($Value -is [pscredential]) {
        return [ordered]@{ credential = [ordered]@{ username = $Value.UserName; password = $Value.GetNetworkCredential().Password } }
    }
    if ($Value -is [byte[]]) { return [ordered]@{ bytes = [Convert]::ToBase64String($Value) } }
    if ($Value -is [Unlimited]) { if ($Value.IsUnlimited) { return 'Unlimited' }; return $Value.Value }
    if ($Value -is [datetime]) {
        # Exchange Online reads a date without a zone as UTC.
        $utc = if ($Value.Kind -eq [DateTimeKind]::Unspecified) { [datetime]::SpecifyKind($Value, 'Utc') } else { $Value.ToUniversalTime() }
        return $utc.ToString('o', [cultureinfo]::InvariantCulture)
    }
    if ($Value -is [timespan]) { return $Value.ToString('c', [cultureinfo]::InvariantCulture) }
    if ($Value -is [enum]) { return $Value.ToString() }
    if ($Value -is [array]) { return , @($Value | ForEach-Object { ConvertTo-SimIdentity $_ }) }
    return ConvertTo-SimIdentity $Value
}

function ConvertTo-SimParameters {
    param([System.Collections.IDictionary]$Bound, [string[]]$Identities = @())
    $out = [ordered]@{}
    foreach ($name in $Bound.Keys) {
        if ($script:CommonParameters -contains $name) { continue }
        $value = $Bound[$name]
        $out[$name] = if ($Identities -contains $name) { ConvertTo-SimIdentity $value } else { ConvertTo-SimWireValue $value }
    }
    return $out
}

# A read's -Identity: $null or empty means every object (the documented caution, facts §1.7).
function Select-SimByIdentity {
    param([object[]]$Items, $Identity, [scriptblock]$Keys, [string]$NotFound)
    $text = ConvertTo-SimIdentity $Identity
    if ([string]::IsNullOrWhiteSpace($text)) { return , $Items }
    $wanted = $text.Trim()
    $found = @($Items | Where-Object { @(& $Keys $_) -contains $wanted })
    if ($found.Count -eq 0) { throw [System.Management.Automation.ItemNotFoundException]::new(($NotFound -f $wanted)) }
    return , $found
}

# -ResultSize: 1000 unless given; beyond it the rest is dropped with the service's warning (facts §8.9).
function Select-SimResultSize {
    param([System.Management.Automation.PSCmdlet]$Caller, [object[]]$Items, $ResultSize)
    $limit = 1000
    if ($null -ne $ResultSize) { if ($ResultSize.IsUnlimited) { return , $Items }; $limit = $ResultSize.Value }
    if ($Items.Count -le $limit) { return , $Items }
    if ($null -eq $ResultSize) {
        $Caller.WriteWarning("By default, only the first $limit items are returned. Use the ResultSize parameter to specify the number of items returned. To return all items, specify `"-ResultSize Unlimited`". Be aware that, depending on the actual number of items, returning all items can take a long time and consume a large amount of memory.")
    }
    else { $Caller.WriteWarning('There are more results available than are currently displayed. To view them, increase the value for the ResultSize parameter.') }
    return , @($Items | Select-Object -First $limit)
}
