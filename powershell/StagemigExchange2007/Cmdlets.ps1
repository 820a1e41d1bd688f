# The Exchange 2007 recipient cmdlets the conversion script uses, with the parameters their Exchange 2007
# reference documents (powershell/parameter-sets/exchange-2007/*.json records each set and its source).
# Parameters that the stand-in does not model are declared (so calls bind as they would) and refused.

function Assert-E2kModelled {
    param([System.Management.Automation.PSCmdlet]$Caller, [System.Collections.IDictionary]$Bound, [string[]]$Modelled, [string]$Cmdlet)
    $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
    foreach ($name in $Bound.Keys) {
        if ($Modelled -notcontains $name -and $common -notcontains $name) {
            $Caller.ThrowTerminatingError((New-E2kError "StagemigExchange2007: $Cmdlet -$name is not modelled by the stand-in." $Cmdlet 'NotImplemented'))
        }
    }
}

function Get-E2kRecipientList {
    param([System.Management.Automation.PSCmdlet]$Caller, [string]$Cmdlet, [string[]]$Types, $Identity, [string]$DomainController, $ResultSize)
    $state = Read-E2kState
    $id = if ($null -eq $Identity) { '' } else { [string]$Identity }
    Enter-E2kCmdlet $Caller $state $Cmdlet $id $DomainController
    if ($id -eq '') { $found = @($state['recipients'] | Where-Object { $Types -contains $_['type'] }) }
    else { $found = @(Find-E2kRecipients $state $id $Types -Wildcards) }
    if ($id -ne '' -and $found.Count -eq 0) {
        $Caller.WriteError((New-E2kError (Get-E2kNotFound $id $DomainController) $Cmdlet 'ObjectNotFound'))
        return
    }
    foreach ($r in $found) { ConvertTo-E2kObject $r }
}

function Get-Mailbox {
    [CmdletBinding(DefaultParameterSetName = 'Identity')]
    param(
        [Parameter(ParameterSetName = 'Identity', Position = 0, ValueFromPipeline = $true)][object]$Identity,
        [Parameter(ParameterSetName = 'Server')][object]$Server,
        [Parameter(ParameterSetName = 'Database')][object]$Database,
        [Parameter(ParameterSetName = 'Filter')][string]$Filter,
        [Parameter(ParameterSetName = 'Anr')][string]$Anr,
        [pscredential]$Credential,
        [string]$DomainController,
        [switch]$IgnoreDefaultScope,
        [object]$OrganizationalUnit,
        [switch]$ReadFromDomainController,
        [string[]]$RecipientTypeDetails,
        [object]$ResultSize,
        [string]$SortBy
    )
    Assert-E2kModelled $PSCmdlet $PSBoundParameters @('Identity', 'DomainController', 'ResultSize', 'ReadFromDomainController') 'Get-Mailbox'
    Get-E2kRecipientList $PSCmdlet 'Get-Mailbox' @('UserMailbox') $Identity $DomainController $ResultSize
}

function Get-MailUser {
    [CmdletBinding(DefaultParameterSetName = 'Identity')]
    param(
        [Parameter(ParameterSetName = 'Identity', Position = 0, ValueFromPipeline = $true)][object]$Identity,
        [Parameter(ParameterSetName = 'Filter')][string]$Filter,
        [Parameter(ParameterSetName = 'Anr')][string]$Anr,
        [pscredential]$Credential,
        [string]$DomainController,
        [object]$OrganizationalUnit,
        [switch]$ReadFromDomainController,
        [object]$ResultSize,
        [string]$SortBy
    )
    Assert-E2kModelled $PSCmdlet $PSBoundParameters @('Identity', 'DomainController', 'ResultSize', 'ReadFromDomainController') 'Get-MailUser'
    Get-E2kRecipientList $PSCmdlet 'Get-MailUser' @('MailUser') $Identity $DomainController $ResultSize
}

function Disable-Mailbox {
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High')]
    param(
        [Parameter(Mandatory = $true, Position = 0, ValueFromPipeline = $true)][object]$Identity,
        [string]$DomainController,
        [switch]$IgnoreDefaultScope
    )
    Assert-E2kModelled $PSCmdlet $PSBoundParameters @('Identity', 'DomainController') 'Disable-Mailbox'
    $state = Read-E2kState
    $id = [string]$Identity
    Enter-E2kCmdlet $PSCmdlet $state 'Disable-Mailbox' $id $DomainController
    $r = Get-E2kTarget $PSCmdlet $state 'Disable-Mailbox' $id @('UserMailbox') $DomainController
    if (-not $PSCmdlet.ShouldProcess("Disabling mailbox `"$id`" will remove the Exchange properties from the Windows user object and mark the mailbox in the database for removal.", $id, 'Disable-Mailbox')) { return }
    $r['type'] = 'User'
    foreach ($k in 'primarySmtpAddress', 'legacyExchangeDN', 'windowsEmailAddress', 'externalEmailAddress') { $r[$k] = '' }
    $r['emailAddresses'] = @()
    $r['emailAddressPolicyEnabled'] = $false
    Save-E2kState $state
}

function Enable-MailUser {
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'Medium')]
    param(
        [Parameter(Mandatory = $true, Position = 0, ValueFromPipeline = $true)][object]$Identity,
        [Parameter(Mandatory = $true)][string]$ExternalEmailAddress,
        [string]$Alias,
        [string]$DomainController,
        [string]$MacAttachmentFormat,
        [string]$MessageBodyFormat,
        [string]$MessageFormat,
        [bool]$UsePreferMessageFormat
    )
    Assert-E2kModelled $PSCmdlet $PSBoundParameters @('Identity', 'ExternalEmailAddress', 'DomainController') 'Enable-MailUser'
    $state = Read-E2kState
    $id = [string]$Identity
    Enter-E2kCmdlet $PSCmdlet $state 'Enable-MailUser' $id $DomainController
    $r = Get-E2kTarget $PSCmdlet $state 'Enable-MailUser' $id @('User', 'UserMailbox', 'MailUser') $DomainController
    if ($r['type'] -ne 'User') { $PSCmdlet.ThrowTerminatingError((New-E2kError "The user '$id' is already mail-enabled." 'Enable-MailUser')) }
    if (-not $PSCmdlet.ShouldProcess($id, 'Enable-MailUser')) { return }
    $external = if ($ExternalEmailAddress -match '^(?i)smtp:') { 'SMTP:' + $ExternalEmailAddress.Substring(5) } else { "SMTP:$ExternalEmailAddress" }
    # The e-mail address policy stamps the primary address; the external address becomes a proxy too.
    $primary = "$($r['alias'])@$($state['policyDomain'])"
    $proxies = @("SMTP:$primary", ('smtp:' + $external.Substring(5)))
    Assert-E2kAddressesFree $PSCmdlet $state $r $proxies 'Enable-MailUser'
    $r['type'] = 'MailUser'
    $r['externalEmailAddress'] = $external
    $r['primarySmtpAddress'] = $primary
    $r['windowsEmailAddress'] = $primary
    $r['emailAddresses'] = $proxies
    $r['emailAddressPolicyEnabled'] = $true
    $r['legacyExchangeDN'] = "/o=$($state['organization'])/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=$($r['alias'])$([string]$r['guid'].Substring(0, 4))"
    Save-E2kState $state
}

function Set-MailUser {
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'Medium')]
    param(
        [Parameter(Mandatory = $true, Position = 0, ValueFromPipeline = $true)][object]$Identity,
        [object[]]$AcceptMessagesOnlyFrom, [object[]]$AcceptMessagesOnlyFromDLMembers, [string]$Alias, [bool]$CreateDTMFMap,
        [string]$CustomAttribute1, [string]$CustomAttribute2, [string]$CustomAttribute3, [string]$CustomAttribute4, [string]$CustomAttribute5,
        [string]$CustomAttribute6, [string]$CustomAttribute7, [string]$CustomAttribute8, [string]$CustomAttribute9, [string]$CustomAttribute10,
        [string]$CustomAttribute11, [string]$CustomAttribute12, [string]$CustomAttribute13, [string]$CustomAttribute14, [string]$CustomAttribute15,
        [string]$DisplayName, [string]$DomainController, [string[]]$EmailAddresses, [bool]$EmailAddressPolicyEnabled, [object[]]$Extensions,
        [string]$ExternalEmailAddress, [object[]]$GrantSendOnBehalfTo, [bool]$HiddenFromAddressListsEnabled, [string]$MacAttachmentFormat,
        [object]$MaxReceiveSize, [object]$MaxSendSize, [string]$MessageBodyFormat, [string]$MessageFormat, [string]$Name,
        [string]$PrimarySmtpAddress, [object]$RecipientLimits, [object[]]$RejectMessagesFrom, [object[]]$RejectMessagesFromDLMembers,
        [string]$WindowsEmailAddress
    )
    Assert-E2kModelled $PSCmdlet $PSBoundParameters @('Identity', 'DomainController', 'EmailAddresses', 'EmailAddressPolicyEnabled', 'WindowsEmailAddress', 'ExternalEmailAddress') 'Set-MailUser'
    $state = Read-E2kState
    $id = [string]$Identity
    Enter-E2kCmdlet $PSCmdlet $state 'Set-MailUser' $id $DomainController
    $r = Get-E2kTarget $PSCmdlet $state 'Set-MailUser' $id @('MailUser') $DomainController
    if (-not $PSCmdlet.ShouldProcess($id, 'Set-MailUser')) { return }
    if ($PSBoundParameters.ContainsKey('EmailAddressPolicyEnabled')) { $r['emailAddressPolicyEnabled'] = $EmailAddressPolicyEnabled }
    if ($PSBoundParameters.ContainsKey('EmailAddresses')) {
        $primaries = @($EmailAddresses | Where-Object { $_ -cmatch '^SMTP:' })
        if ($primaries.Count -ne 1) { $PSCmdlet.ThrowTerminatingError((New-E2kError "EmailAddresses must hold exactly one primary SMTP address (SMTP:); it holds $($primaries.Count)." 'Set-MailUser')) }
        $seen = @{}
        foreach ($p in $EmailAddresses) {
            if ($seen.ContainsKey($p.ToLowerInvariant())) { $PSCmdlet.ThrowTerminatingError((New-E2kError "The address '$p' is duplicated in EmailAddresses." 'Set-MailUser')) }
            $seen[$p.ToLowerInvariant()] = $true
        }
        $primary = $primaries[0].Substring(5)
        # Modelled conservatively: while the policy is on it owns the primary address.
        if ($r['emailAddressPolicyEnabled'] -and -not [string]::Equals($primary, $r['primarySmtpAddress'], [StringComparison]::OrdinalIgnoreCase)) {
            $PSCmdlet.ThrowTerminatingError((New-E2kError 'The primary SMTP address cannot be changed while EmailAddressPolicyEnabled is $true.' 'Set-MailUser'))
        }
        Assert-E2kAddressesFree $PSCmdlet $state $r ([string[]]$EmailAddresses) 'Set-MailUser'
        $r['emailAddresses'] = [string[]]$EmailAddresses
        $r['primarySmtpAddress'] = $primary
    }
    if ($PSBoundParameters.ContainsKey('WindowsEmailAddress')) { $r['windowsEmailAddress'] = $WindowsEmailAddress }
    if ($PSBoundParameters.ContainsKey('ExternalEmailAddress')) { $r['externalEmailAddress'] = $ExternalEmailAddress }
    Save-E2kState $state
}
