# Runs one allow-listed cmdlet by name with parameters splatted from JSON. No request text is ever
# evaluated as code: names are checked against lists and values are bound as values.

$script:Reads = @{
    'Get-MigrationEndpoint' = 'ConvertTo-BridgeEndpointList'
    'Get-MigrationBatch'    = 'ConvertTo-BridgeBatchList'
    'Get-MigrationUser'     = 'ConvertTo-BridgeUserList'
    'Get-Mailbox'           = 'ConvertTo-BridgeMailboxList'
    # stagemig check: Test-MigrationServerAvailability changes nothing; it returns an outcome object.
    'Test-MigrationServerAvailability' = 'ConvertTo-BridgeServerTestList'
    'Get-Recipient'                    = 'ConvertTo-BridgeRecipientList'
    'Get-AcceptedDomain'               = 'ConvertTo-BridgeAcceptedDomainList'
    # Microsoft Graph (seed step 7): licences, creation times and usage locations; the tenant's SKUs.
    'Get-MgUser'                       = 'ConvertTo-BridgeGraphUserList'
    'Get-MgSubscribedSku'              = 'ConvertTo-BridgeSkuList'
}
$script:Writes = @(
    'New-MigrationEndpoint', 'Set-MigrationEndpoint', 'Remove-MigrationEndpoint',
    'New-MigrationBatch', 'Set-MigrationBatch', 'Start-MigrationBatch', 'Stop-MigrationBatch', 'Remove-MigrationBatch',
    'Remove-MigrationUser', 'Update-MgUser', 'Set-MgUserLicense'
)
$script:Session = @('Import-Module', 'Connect-ExchangeOnline', 'Disconnect-ExchangeOnline', 'Connect-MgGraph', 'Disconnect-MgGraph')
# Parameters that make a read return one object; reads list every object.
$script:SingleObject = @('Identity', 'UserId', 'SubscribedSkuId')
$script:Commands = @{}
# Common parameters the bridge sets itself; a request may not override them.
$script:Reserved = @(
    'ErrorAction', 'ErrorVariable', 'WarningAction', 'WarningVariable', 'InformationAction', 'InformationVariable',
    'OutVariable', 'OutBuffer', 'PipelineVariable', 'ProgressAction', 'Debug', 'Verbose', 'WhatIf'
)

function ConvertTo-BridgeParameterValue {
    param($Value)
    if ($Value -is [System.Collections.IDictionary]) {
        if ($Value.Contains('bytes')) { return , [Convert]::FromBase64String([string]$Value['bytes']) }
        if ($Value.Contains('credential')) {
            $c = $Value['credential']
            return [pscredential]::new([string]$c['username'], (ConvertTo-BridgeSecureString ([string]$c['password'])))
        }
        if ($Value.Contains('secureString')) { return ConvertTo-BridgeSecureString ([string]$Value['secureString']) }
        if ($Value.Contains('pfx')) {
            # A .pfx opened here (Connect-MgGraph -Certificate): its password arrives over stdin, never as an argument.
            $p = $Value['pfx']
            return [System.Security.Cryptography.X509Certificates.X509Certificate2]::new([string]$p['path'], (ConvertTo-BridgeSecureString ([string]$p['password'])))
        }
        if ($Value.Contains('assignedLicenses')) {
            # Set-MgUserLicense -AddLicenses takes assignedLicense objects; the SDK builds them from hashtables.
            return , [hashtable[]]@(foreach ($id in @($Value['assignedLicenses'])) { @{ SkuId = [string]$id } })
        }
        throw 'Unsupported parameter value: an object must be {bytes}, {credential}, {secureString}, {pfx} or {assignedLicenses}.'
    }
    if ($Value -is [array]) {
        foreach ($item in $Value) { if ($item -isnot [string]) { throw 'Unsupported parameter value: arrays hold strings only.' } }
        return , [string[]]$Value
    }
    return $Value
}

function New-BridgeSplat {
    param([string]$Cmdlet, $Parameters)
    $splat = @{}
    if ($null -eq $Parameters) { return $splat }
    if ($Parameters -isnot [System.Collections.IDictionary]) { throw 'parameters must be a JSON object.' }
    foreach ($name in $Parameters.Keys) {
        if ($name -notmatch '^[A-Za-z][A-Za-z0-9]*$' -or $script:Reserved -contains $name) { throw "Parameter name '$name' is not allowed." }
        $value = $Parameters[$name]
        if ($name -eq 'Identity' -and ($value -isnot [string] -or [string]::IsNullOrWhiteSpace($value))) {
            throw 'Refusing an empty -Identity: the service would act on every object.'
        }
        $splat[$name] = ConvertTo-BridgeParameterValue $value
    }
    foreach ($single in $script:SingleObject) {
        if ($script:Reads.ContainsKey($Cmdlet) -and $splat.ContainsKey($single)) { throw "Reads list every object; -$single is not used." }
    }
    return $splat
}

function Invoke-BridgeCmdlet {
    param([string]$Cmdlet, $Parameters)
    $isRead = $script:Reads.ContainsKey($Cmdlet)
    if (-not ($isRead -or $script:Writes -contains $Cmdlet -or $script:Session -contains $Cmdlet)) {
        throw [System.Management.Automation.CommandNotFoundException]::new("'$Cmdlet' is not on the bridge's allow-list.")
    }
    $splat = New-BridgeSplat $Cmdlet $Parameters
    if ($Cmdlet -eq 'Import-Module') {
        $script:Commands = @{}
        $module = Import-Module @splat -DisableNameChecking -PassThru -ErrorAction Stop -WarningAction SilentlyContinue
        # providesGraph: the module (a stand-in) also brings the Microsoft Graph cmdlets stagemig uses.
        $providesGraph = $module[0].ExportedCommands.ContainsKey('Connect-MgGraph')
        return @{ result = [ordered]@{ name = [string]$module[0].Name; version = [string]$module[0].Version; providesGraph = $providesGraph }; warnings = @() }
    }
    # Looked up once per session: the module defines its cmdlets at import and (EXO V3) at connect.
    $command = $script:Commands[$Cmdlet]
    if ($null -eq $command) {
        $command = Get-Command -Name $Cmdlet -CommandType Function, Cmdlet -ErrorAction SilentlyContinue | Select-Object -First 1
        if ($null -ne $command -and ($script:Reads.ContainsKey($Cmdlet) -or $script:Writes -contains $Cmdlet)) { $script:Commands[$Cmdlet] = $command }
    }
    if ($null -eq $command) {
        throw [System.Management.Automation.CommandNotFoundException]::new("The term '$Cmdlet' is not recognized as a name of a cmdlet, function, script file, or executable program.")
    }
    # Never a prompt: every write that can ask for confirmation is told not to (-Confirm:$false).
    if ($script:Writes -contains $Cmdlet -and $command.Parameters.ContainsKey('Confirm') -and -not $splat.ContainsKey('Confirm')) {
        $splat['Confirm'] = $false
    }
    $splat['ErrorAction'] = 'Stop'
    $splat['WarningAction'] = 'SilentlyContinue'
    $splat['WarningVariable'] = 'bridgeWarnings'
    $splat['InformationAction'] = 'SilentlyContinue'
    $bridgeWarnings = $null
    $output = @(& $command @splat)
    $warnings = @(@($bridgeWarnings) | Where-Object { $null -ne $_ } | ForEach-Object { [string]$_ })
    if ($Cmdlet -eq 'Connect-ExchangeOnline') { $script:Connected = $true; $script:Commands = @{} }
    if ($Cmdlet -eq 'Disconnect-ExchangeOnline') { $script:Connected = $false }
    if ($Cmdlet -eq 'Connect-MgGraph') { $script:GraphConnected = $true }
    if ($Cmdlet -eq 'Disconnect-MgGraph') { $script:GraphConnected = $false }
    if (-not $isRead) { return @{ result = $null; warnings = $warnings } }
    $project = $script:Reads[$Cmdlet]
    return @{ result = (& $project $output); warnings = $warnings }
}

# EXO V3 error text is "<code>|<Exception.Type>|<message>" (facts §8.9); keep the service's message.
function ConvertTo-BridgeError {
    param([System.Management.Automation.ErrorRecord]$Record)
    $message = [string]$Record.Exception.Message
    $type = $Record.Exception.GetType().FullName
    $code = ''
    if ($message -match '^(?s)\s*(?:Write-ErrorMessage\s*:\s*)?([^|\r\n]*)\|([A-Za-z_][\w.`+]*)\|(.*)$') {
        $code = $Matches[1].Trim(); $type = $Matches[2]; $message = $Matches[3]
    }
    return [ordered]@{
        error     = $message.Trim()
        errorType = $type
        errorCode = $code
        category  = [string]$Record.CategoryInfo.Category
    }
}
