# The reads of `stagemig check`: Test-MigrationServerAvailability (its three Outlook Anywhere sets),
# Get-Recipient (Identity set) and Get-AcceptedDomain, with their documented parameter sets (SYNTAX of
# the office-docs-powershell pages) and objects shaped like Exchange Online's.

function Test-MigrationServerAvailability {
    [CmdletBinding(DefaultParameterSetName = 'ExchangeOutlookAnywhere', SupportsShouldProcess, ConfirmImpact = 'Low')]
    param(
        [Parameter(Mandatory, ParameterSetName = 'TestEndpoint')][object]$Endpoint,
        [Parameter(Mandatory, ParameterSetName = 'ExchangeOutlookAnywhereAutodiscover')][switch]$Autodiscover,
        [Parameter(Mandatory, ParameterSetName = 'ExchangeOutlookAnywhereAutodiscover')]
        [Parameter(Mandatory, ParameterSetName = 'ExchangeOutlookAnywhere')][switch]$ExchangeOutlookAnywhere,
        [Parameter(Mandatory, ParameterSetName = 'ExchangeOutlookAnywhereAutodiscover')]
        [Parameter(Mandatory, ParameterSetName = 'ExchangeOutlookAnywhere')][pscredential]$Credentials,
        [Parameter(Mandatory, ParameterSetName = 'ExchangeOutlookAnywhereAutodiscover')]
        [Parameter(ParameterSetName = 'ExchangeOutlookAnywhere')][string]$EmailAddress,
        [Parameter(Mandatory, ParameterSetName = 'ExchangeOutlookAnywhere')][string]$ExchangeServer,
        [Parameter(Mandatory, ParameterSetName = 'ExchangeOutlookAnywhere')][string]$RPCProxyServer,
        [Parameter(ParameterSetName = 'ExchangeOutlookAnywhere')][AuthenticationMethod]$Authentication,
        [Parameter(ParameterSetName = 'ExchangeOutlookAnywhereAutodiscover')]
        [Parameter(ParameterSetName = 'ExchangeOutlookAnywhere')][switch]$AcceptUntrustedCertificates,
        [Parameter(ParameterSetName = 'ExchangeOutlookAnywhereAutodiscover')]
        [Parameter(ParameterSetName = 'ExchangeOutlookAnywhere')][MigrationMailboxPermission]$MailboxPermission,
        [Parameter(ParameterSetName = 'ExchangeOutlookAnywhereAutodiscover')]
        [Parameter(ParameterSetName = 'ExchangeOutlookAnywhere')][string]$SourceMailboxLegacyDN,
        [Parameter(ParameterSetName = 'ExchangeOutlookAnywhereAutodiscover')]
        [Parameter(ParameterSetName = 'ExchangeOutlookAnywhere')][object]$TestMailbox,
        [object]$Partition
    )
    $parameters = ConvertTo-SimParameters $PSBoundParameters @('Endpoint', 'TestMailbox', 'Partition')
    $parameters.Remove('Partition')
    $r = Invoke-SimCmdlet $PSCmdlet 'Test-MigrationServerAvailability' $parameters
    # TestMigrationServerAvailabilityOutcome (facts §3.1): a failed test is an object, not an error.
    [pscustomobject][ordered]@{
        PSTypeName         = 'Microsoft.Exchange.Migration.TestMigrationServerAvailabilityOutcome'
        Result             = [ExEnumValue]::new([string]$r['result'])
        Message            = [string]$r['message']
        ConnectionSettings = $null
        SupportsCutover    = $false
        ErrorDetail        = if ($r['result'] -eq 'Failed') { [string]$r['message'] } else { $null }
        Identity           = $null
        IsValid            = $true
        ObjectState        = 'New'
    }
}

function ConvertTo-SimProxyAddresses {
    param($Record)
    $primary = [string]$Record['primarySmtpAddress']
    return , @(foreach ($a in @($Record['smtpAddresses'])) { if ($a -eq $primary) { "SMTP:$a" } else { "smtp:$a" } })
}

function Get-Recipient {
    [CmdletBinding(DefaultParameterSetName = 'Identity')]
    param(
        [Parameter(Position = 0, ValueFromPipeline, ParameterSetName = 'Identity')][object]$Identity,
        [string]$Filter,
        [string[]]$RecipientType,
        [string[]]$RecipientTypeDetails,
        [string[]]$Properties,
        [string]$PropertySet,
        [string]$SortBy,
        [switch]$IncludeSoftDeletedRecipients,
        [Unlimited]$ResultSize
    )
    foreach ($unsupported in 'Filter', 'RecipientType', 'RecipientTypeDetails', 'Properties', 'PropertySet', 'SortBy', 'IncludeSoftDeletedRecipients') {
        if ($PSBoundParameters.ContainsKey($unsupported)) { throw "The StagemigSimulator module does not implement Get-Recipient -$unsupported." }
    }
    $records = Invoke-SimCmdlet $PSCmdlet 'Get-Recipient' ([ordered]@{})
    $items = @(foreach ($r in @($records)) {
            if ($null -eq $r) { continue }
            [pscustomobject][ordered]@{
                PSTypeName           = 'Deserialized.Microsoft.Exchange.Data.Directory.Management.ReducedRecipient'
                Identity             = [string]$r['name']
                Name                 = [string]$r['name']
                Alias                = [string]$r['name']
                RecipientType        = [ExEnumValue]::new([string]$r['recipientTypeDetails'])
                RecipientTypeDetails = [ExEnumValue]::new([string]$r['recipientTypeDetails'])
                PrimarySmtpAddress   = [string]$r['primarySmtpAddress']
                EmailAddresses       = ConvertTo-SimProxyAddresses $r
            }
        })
    try { $items = Select-SimByIdentity $items $Identity { param($x) $x.Name; $x.PrimarySmtpAddress } "The operation couldn't be performed because object '{0}' couldn't be found." }
    catch { $PSCmdlet.ThrowTerminatingError((New-SimErrorRecord $_.Exception.Message 'Get-Recipient' 'ObjectNotFound')) }
    $items = Select-SimResultSize $PSCmdlet $items $ResultSize
    foreach ($item in $items) { $item }
}

function Get-AcceptedDomain {
    [CmdletBinding()]
    param(
        [Parameter(Position = 0, ValueFromPipeline)][object]$Identity,
        [Unlimited]$ResultSize
    )
    $records = Invoke-SimCmdlet $PSCmdlet 'Get-AcceptedDomain' ([ordered]@{})
    $items = @(foreach ($r in @($records)) {
            if ($null -eq $r) { continue }
            [pscustomobject][ordered]@{
                PSTypeName         = 'Deserialized.Microsoft.Exchange.Data.Directory.SystemConfiguration.AcceptedDomain'
                Identity           = [string]$r['domainName']
                Name               = [string]$r['domainName']
                DomainName         = [string]$r['domainName']
                DomainType         = [ExEnumValue]::new([string]$r['domainType'])
                AuthenticationType = if ($null -ne $r['authenticationType']) { [ExEnumValue]::new([string]$r['authenticationType']) } else { $null }
                Default            = $false
                InitialDomain      = $false
            }
        })
    try { $items = Select-SimByIdentity $items $Identity { param($x) $x.Name } "The operation couldn't be performed because object '{0}' couldn't be found." }
    catch { $PSCmdlet.ThrowTerminatingError((New-SimErrorRecord $_.Exception.Message 'Get-AcceptedDomain' 'ObjectNotFound')) }
    $items = Select-SimResultSize $PSCmdlet $items $ResultSize
    foreach ($item in $items) { $item }
}
