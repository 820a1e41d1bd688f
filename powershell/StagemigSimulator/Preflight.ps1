# The reads of `stagemig check`: Test-MigrationServerAvailability, Get-Recipient and Get-AcceptedDomain,
# declared from their documented Exchange Online parameter sets (Declare.ps1, ../parameter-sets), with
# objects shaped like Exchange Online's.

# The sets of the other migration types exist (Declare.ps1) but the simulator models only staged
# (Exchange Outlook Anywhere) migrations.
Register-SimCmdlet 'Test-MigrationServerAvailability' -ConfirmImpact Low {
    if ($PSCmdlet.ParameterSetName -notin 'TestEndpoint', 'ExchangeOutlookAnywhereAutodiscover', 'ExchangeOutlookAnywhere') {
        $PSCmdlet.ThrowTerminatingError((New-SimErrorRecord "StagemigSimulator: Test-MigrationServerAvailability in the $($PSCmdlet.ParameterSetName) set is not modelled by the stand-in (staged Exchange Outlook Anywhere migrations only)." 'Test-MigrationServerAvailability' 'NotImplemented'))
    }
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

Register-SimCmdlet 'Get-Recipient' {
    foreach ($unsupported in 'Anr', 'AuthenticationType', 'BookmarkDisplayName', 'Capabilities', 'Filter', 'IncludeBookmarkObject', 'IncludeManagerWithDisplayName', 'IncludeSoftDeletedRecipients', 'OrganizationalUnit', 'Properties', 'PropertySet', 'RecipientPreviewFilter', 'RecipientType', 'RecipientTypeDetails', 'SortBy') {
        if ($PSBoundParameters.ContainsKey($unsupported)) { $PSCmdlet.ThrowTerminatingError((New-SimErrorRecord "StagemigSimulator: Get-Recipient -$unsupported is not modelled by the stand-in." 'Get-Recipient' 'NotImplemented')) }
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

Register-SimCmdlet 'Get-AcceptedDomain' {
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
