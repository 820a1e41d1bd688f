# Microsoft Graph PowerShell stand-ins (seed step 7): Connect-MgGraph / Disconnect-MgGraph, Get-MgUser,
# Get-MgSubscribedSku, Update-MgUser and Set-MgUserLicense, declared from ../parameter-sets like the Exchange
# cmdlets and forwarding to the simulator's licence model. Only app-only certificate sign-in is modelled;
# parameters the simulator does not model are refused by name, never ignored.

# The Graph SDK's model and identity types the documented sets name: an empty class each (a value the stand-in
# does not model cannot be built), except the assigned licence that Set-MgUserLicense -AddLicenses takes.
enum ContextScope { Process; CurrentUser }
class IMicrosoftGraphAssignedLicense {
    [string]$SkuId
    [string[]]$DisabledPlans
}
$script:SimGraphCmdlets = @('Connect-MgGraph', 'Disconnect-MgGraph', 'Get-MgUser', 'Get-MgSubscribedSku', 'Update-MgUser', 'Set-MgUserLicense')
$graphTypes = [System.Collections.Generic.SortedSet[string]]::new()
foreach ($cmdlet in $script:SimGraphCmdlets) {
    foreach ($type in (Read-SimParameterSets $cmdlet)['parameters'].Values) {
        $name = $type -replace '\[\]$', ''
        if ($name -match '^(I[A-Z]\w+|SendAsyncStep)$' -and $name -ne 'IMicrosoftGraphAssignedLicense') { $null = $graphTypes.Add($name) }
    }
}
. ([scriptblock]::Create((@($graphTypes) | ForEach-Object { "class $_ { }" }) -join "`n"))
Remove-Variable graphTypes

$script:SimGraphUrl = $null
$script:SimGraphConnected = $false

# Properties Get-MgUser returns without -Property (Graph's default $select for users).
$script:SimGraphDefaultUserProperties = @('BusinessPhones', 'DisplayName', 'GivenName', 'Id', 'JobTitle', 'Mail', 'MobilePhone', 'OfficeLocation', 'PreferredLanguage', 'Surname', 'UserPrincipalName')

function Stop-SimGraph {
    param([System.Management.Automation.PSCmdlet]$Caller, [string]$Message, [string]$Category = 'InvalidOperation')
    $record = [System.Management.Automation.ErrorRecord]::new([System.Exception]::new($Message), $Caller.MyInvocation.MyCommand.Name, $Category, $null)
    $Caller.ThrowTerminatingError($record)
}

# Refuses, by name, a bound parameter the simulator does not model.
function Assert-SimGraphModelled {
    param([System.Management.Automation.PSCmdlet]$Caller, [System.Collections.IDictionary]$Bound, [string[]]$Modelled)
    foreach ($name in $Bound.Keys) {
        if ($script:CommonParameters -contains $name -or $Modelled -contains $name) { continue }
        Stop-SimGraph $Caller "StagemigSimulator: $($Caller.MyInvocation.MyCommand.Name) -$name is not modelled by the stand-in." 'NotImplemented'
    }
}

function Invoke-SimGraphCmdlet {
    param([System.Management.Automation.PSCmdlet]$Caller, [string]$Name, [System.Collections.IDictionary]$Parameters)
    if (-not $script:SimGraphConnected) { Stop-SimGraph $Caller 'Authentication needed. Please call Connect-MgGraph.' 'AuthenticationError' }
    $response = Send-SimRequest $script:SimGraphUrl $Name $Parameters
    if (-not $response['ok']) { Stop-SimGraph $Caller ([string]$response['error']) }
    foreach ($w in @($response['warnings'])) { if ($null -ne $w) { $Caller.WriteWarning([string]$w) } }
    return $response['result']
}

# A user as the SDK returns it: the properties not selected are $null.
function New-SimGraphUser {
    param([System.Collections.IDictionary]$R, [string[]]$Selected)
    $upn = [string]$R['userPrincipalName']
    $created = $null
    if ($R['createdDateTime']) {
        $created = [datetime]::Parse([string]$R['createdDateTime'], [cultureinfo]::InvariantCulture, [System.Globalization.DateTimeStyles]::AdjustToUniversal)
    }
    $values = [ordered]@{
        Id                = [string]$R['id']
        UserPrincipalName = $upn
        DisplayName       = $upn.Substring(0, $upn.IndexOf('@'))
        Mail              = [string]$R['mail']
        ProxyAddresses    = [string[]]@($R['proxyAddresses'])
        CreatedDateTime   = $created
        UsageLocation     = if ($R['usageLocation']) { [string]$R['usageLocation'] } else { $null }
        AssignedLicenses  = @(foreach ($id in @($R['assignedSkuIds'])) { if ($id) { [IMicrosoftGraphAssignedLicense]@{ SkuId = [string]$id; DisabledPlans = [string[]]@() } } })
    }
    $user = [ordered]@{ PSTypeName = 'Microsoft.Graph.PowerShell.Models.MicrosoftGraphUser' }
    $wanted = if ($Selected) { $Selected } else { $script:SimGraphDefaultUserProperties }
    foreach ($k in $values.Keys) { $user[$k] = if (@($wanted | Where-Object { $_ -ieq $k }).Count -gt 0) { $values[$k] } else { $null } }
    return [pscustomobject]$user
}

Register-SimCmdlet 'Connect-MgGraph' {
    if ($PSCmdlet.ParameterSetName -ne 'AppCertificateParameterSet') {
        Stop-SimGraph $PSCmdlet 'StagemigSimulator: only app-only certificate sign-in (-ClientId -TenantId with -Certificate or -CertificateThumbprint) is modelled.' 'NotImplemented'
    }
    Assert-SimGraphModelled $PSCmdlet $PSBoundParameters @('ClientId', 'TenantId', 'Certificate', 'CertificateThumbprint', 'CertificateSubjectName', 'NoWelcome', 'ContextScope')
    if ([string]::IsNullOrWhiteSpace($TenantId)) { Stop-SimGraph $PSCmdlet 'TenantId is required for app-only authentication.' 'InvalidArgument' }
    if ($null -eq $Certificate -and -not ($CertificateThumbprint -or $CertificateSubjectName)) {
        Stop-SimGraph $PSCmdlet 'Either -Certificate, -CertificateThumbprint or -CertificateSubjectName is required for app-only certificate authentication.' 'InvalidArgument'
    }
    if ($null -eq $Certificate) {
        # The certificate comes from the current user's store, as the real module looks it up.
        $store = [System.Security.Cryptography.X509Certificates.X509Store]::new('My', 'CurrentUser')
        try {
            $store.Open('ReadOnly')
            $found = if ($CertificateThumbprint) { $store.Certificates.Find('FindByThumbprint', $CertificateThumbprint, $false) } else { $store.Certificates.Find('FindBySubjectDistinguishedName', $CertificateSubjectName, $false) }
        }
        finally { $store.Dispose() }
        if ($found.Count -eq 0) { Stop-SimGraph $PSCmdlet "$(if ($CertificateThumbprint) { "Certificate with thumbprint '$CertificateThumbprint'" } else { "Certificate '$CertificateSubjectName'" }) was not found in certificate store CurrentUser\My." 'ObjectNotFound' }
        $Certificate = $found[0]
    }
    if (-not $Certificate.HasPrivateKey) { Stop-SimGraph $PSCmdlet "The certificate '$($Certificate.Subject)' has no private key: app-only sign-in signs with it." 'AuthenticationError' }
    $url = if ($script:SimUrl) { $script:SimUrl } else { $env:STAGEMIG_SIMULATOR_URL }
    if ([string]::IsNullOrWhiteSpace($url)) {
        Stop-SimGraph $PSCmdlet 'StagemigSimulator: no simulator URL. Start `stagemig simulator serve <plan.yaml>` and set STAGEMIG_SIMULATOR_URL to the URL it prints.' 'ConnectionError'
    }
    $response = Send-SimRequest $url 'Connect-MgGraph' ([ordered]@{ ClientId = $ClientId; TenantId = $TenantId; CertificateThumbprint = $Certificate.Thumbprint })
    if (-not $response['ok']) { Stop-SimGraph $PSCmdlet ([string]$response['error']) 'ConnectionError' }
    $script:SimGraphUrl = $url
    $script:SimGraphConnected = $true
    if (-not $NoWelcome) { Write-Host "Welcome to Microsoft Graph! (StagemigSimulator stand-in: the stagemig simulator at $url)" }
}

Register-SimCmdlet 'Disconnect-MgGraph' {
    if ($script:SimGraphConnected) { $null = Send-SimRequest $script:SimGraphUrl 'Disconnect-MgGraph' ([ordered]@{}) }
    $script:SimGraphConnected = $false
}

Register-SimCmdlet 'Get-MgUser' {
    Assert-SimGraphModelled $PSCmdlet $PSBoundParameters @('All', 'Property', 'Top', 'PageSize', 'UserId')
    $records = Invoke-SimGraphCmdlet $PSCmdlet 'Get-MgUser' ([ordered]@{})
    $users = @(foreach ($r in @($records)) { if ($null -ne $r) { New-SimGraphUser $r $Property } })
    if ($PSCmdlet.ParameterSetName -eq 'Get') {
        $match = @($records | Where-Object { $_['id'] -ieq $UserId -or $_['userPrincipalName'] -ieq $UserId })
        if ($match.Count -eq 0) { Stop-SimGraph $PSCmdlet "Resource '$UserId' does not exist or one of its queried reference-property objects are not present." 'ObjectNotFound' }
        return New-SimGraphUser $match[0] $Property
    }
    # Without -All only the first page comes back (100 users, or -Top / -PageSize).
    if (-not $All) {
        $limit = if ($PSBoundParameters.ContainsKey('Top')) { $Top } elseif ($PSBoundParameters.ContainsKey('PageSize')) { $PageSize } else { 100 }
        $users = @($users | Select-Object -First $limit)
    }
    foreach ($u in $users) { $u }
}

Register-SimCmdlet 'Get-MgSubscribedSku' {
    Assert-SimGraphModelled $PSCmdlet $PSBoundParameters @('All', 'Property')
    foreach ($r in @(Invoke-SimGraphCmdlet $PSCmdlet 'Get-MgSubscribedSku' ([ordered]@{}))) {
        if ($null -eq $r) { continue }
        [pscustomobject][ordered]@{
            PSTypeName       = 'Microsoft.Graph.PowerShell.Models.MicrosoftGraphSubscribedSku'
            Id               = "00000000-0000-0000-0000-000000000000_$($r['skuId'])"
            SkuId            = [string]$r['skuId']
            SkuPartNumber    = [string]$r['skuPartNumber']
            AppliesTo        = 'User'
            CapabilityStatus = 'Enabled'
        }
    }
}

Register-SimCmdlet 'Update-MgUser' {
    Assert-SimGraphModelled $PSCmdlet $PSBoundParameters @('UserId', 'UsageLocation')
    if ($PSCmdlet.ParameterSetName -ne 'UpdateExpanded') { Stop-SimGraph $PSCmdlet "StagemigSimulator: Update-MgUser's $($PSCmdlet.ParameterSetName) set is not modelled." 'NotImplemented' }
    if (-not $PSCmdlet.ShouldProcess($UserId, 'Update-MgUser')) { return }
    $null = Invoke-SimGraphCmdlet $PSCmdlet 'Update-MgUser' (ConvertTo-SimParameters $PSBoundParameters)
}

Register-SimCmdlet 'Set-MgUserLicense' {
    Assert-SimGraphModelled $PSCmdlet $PSBoundParameters @('UserId', 'AddLicenses', 'RemoveLicenses')
    # assignLicense needs both lists in its body, empty or not.
    $missing = @('AddLicenses', 'RemoveLicenses' | Where-Object { -not $PSBoundParameters.ContainsKey($_) })
    if ($missing.Count -gt 0) {
        Stop-SimGraph $PSCmdlet "One or more parameters of the operation 'assignLicense' are missing from the request payload. The missing parameters are: $(($missing | ForEach-Object { $_.Substring(0, 1).ToLowerInvariant() + $_.Substring(1) }) -join ', ')." 'InvalidArgument'
    }
    $add = @(foreach ($l in @($AddLicenses)) {
            if ($null -eq $l) { continue }
            if (@($l.DisabledPlans).Where({ $_ }).Count -gt 0) { Stop-SimGraph $PSCmdlet 'StagemigSimulator: DisabledPlans is not modelled by the stand-in.' 'NotImplemented' }
            [string]$l.SkuId
        })
    if (-not $PSCmdlet.ShouldProcess($UserId, 'Set-MgUserLicense')) { return }
    $null = Invoke-SimGraphCmdlet $PSCmdlet 'Set-MgUserLicense' ([ordered]@{ UserId = $UserId; AddLicenses = [string[]]$add; RemoveLicenses = [string[]]@($RemoveLicenses) })
}
