# New-, Set-, Remove- and Get-MigrationEndpoint (facts §3.2–§3.5), Outlook Anywhere parameter sets.

function New-MigrationEndpoint {
    [CmdletBinding(DefaultParameterSetName = 'ExchangeOutlookAnywhere', SupportsShouldProcess, ConfirmImpact = 'Medium')]
    param(
        [Parameter(Mandatory)][string]$Name,
        [Parameter(Mandatory)][pscredential]$Credentials,
        [Parameter(ParameterSetName = 'ExchangeOutlookAnywhere')]
        [Parameter(Mandatory, ParameterSetName = 'ExchangeOutlookAnywhereAutoDiscover')][switch]$ExchangeOutlookAnywhere,
        [Parameter(Mandatory, ParameterSetName = 'ExchangeOutlookAnywhereAutoDiscover')][switch]$Autodiscover,
        [Parameter(ParameterSetName = 'ExchangeOutlookAnywhere')]
        [Parameter(Mandatory, ParameterSetName = 'ExchangeOutlookAnywhereAutoDiscover')][string]$EmailAddress,
        [Parameter(ParameterSetName = 'ExchangeOutlookAnywhere')][string]$ExchangeServer,
        [Parameter(ParameterSetName = 'ExchangeOutlookAnywhere')][string]$RpcProxyServer,
        [Parameter(ParameterSetName = 'ExchangeOutlookAnywhere')][string]$NspiServer,
        [AuthenticationMethod]$Authentication,
        [MigrationMailboxPermission]$MailboxPermission,
        [Unlimited]$MaxConcurrentMigrations,
        [Unlimited]$MaxConcurrentIncrementalSyncs,
        [switch]$SkipVerification,
        [string]$SourceMailboxLegacyDN,
        [object]$TestMailbox,
        [switch]$AcceptUntrustedCertificates,
        [object]$Partition
    )
    if (-not $PSCmdlet.ShouldProcess("Do you want to create the migration endpoint `"$Name`"?", $Name, 'New-MigrationEndpoint')) { return }
    $result = Invoke-SimCmdlet $PSCmdlet 'New-MigrationEndpoint' (ConvertTo-SimParameters $PSBoundParameters @('TestMailbox', 'Partition'))
    New-SimEndpointObject $result
}

function Set-MigrationEndpoint {
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'Medium')]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipeline)][object]$Identity,
        [bool]$AcceptUntrustedCertificates,
        [AuthenticationMethod]$Authentication,
        [pscredential]$Credentials,
        [string]$ExchangeServer,
        [MigrationMailboxPermission]$MailboxPermission,
        [Unlimited]$MaxConcurrentIncrementalSyncs,
        [Unlimited]$MaxConcurrentMigrations,
        [string]$NspiServer,
        [int]$Port,
        [string]$RemoteServer,
        [string]$RpcProxyServer,
        [IMAPSecurityMechanism]$Security,
        [switch]$SkipVerification,
        [string]$SourceMailboxLegacyDN,
        [object]$TestMailbox,
        [string]$ApplicationId,
        [string]$AppSecretKeyVaultUrl,
        [object]$Partition
    )
    process {
        $id = ConvertTo-SimIdentity $Identity
        foreach ($imapOnly in 'Port', 'RemoteServer', 'Security', 'ApplicationId', 'AppSecretKeyVaultUrl') {
            if ($PSBoundParameters.ContainsKey($imapOnly)) {
                $text = "Parameter '$imapOnly' is not available for endpoints of type 'ExchangeOutlookAnywhere' - $id."
                $PSCmdlet.ThrowTerminatingError((New-SimErrorRecord $text 'Set-MigrationEndpoint' 'InvalidArgument'))
            }
        }
        if (-not $PSCmdlet.ShouldProcess("Do you want to change the migration endpoint `"$id`"?", $id, 'Set-MigrationEndpoint')) { return }
        $null = Invoke-SimCmdlet $PSCmdlet 'Set-MigrationEndpoint' (ConvertTo-SimParameters $PSBoundParameters @('Identity', 'TestMailbox', 'Partition'))
    }
}

function Remove-MigrationEndpoint {
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')]
    param([Parameter(Mandatory, Position = 0, ValueFromPipeline)][object]$Identity, [object]$Partition)
    process {
        $id = ConvertTo-SimIdentity $Identity
        if (-not $PSCmdlet.ShouldProcess("Remove the migration endpoint `"$id`"?", $id, 'Remove-MigrationEndpoint')) { return }
        $null = Invoke-SimCmdlet $PSCmdlet 'Remove-MigrationEndpoint' (ConvertTo-SimParameters $PSBoundParameters @('Identity', 'Partition'))
    }
}

function Get-MigrationEndpoint {
    [CmdletBinding(DefaultParameterSetName = 'Identity')]
    param(
        [Parameter(Position = 0, ValueFromPipeline, ParameterSetName = 'Identity')][object]$Identity,
        [Parameter(ParameterSetName = 'Identity')][MigrationType]$Type,
        [string]$DiagnosticInfo,
        [object]$Partition
    )
    $records = Invoke-SimCmdlet $PSCmdlet 'Get-MigrationEndpoint' (ConvertTo-SimParameters $PSBoundParameters @('Identity', 'Partition'))
    $items = @($records | Where-Object { $null -ne $_ } | ForEach-Object { New-SimEndpointObject $_ })
    if ($PSBoundParameters.ContainsKey('Type')) { $items = @($items | Where-Object { $_.EndpointType -eq $Type }) }
    try { $items = Select-SimByIdentity $items $Identity { param($e) $e.Identity.Id; $e.Guid.ToString() } "The migration endpoint '{0}' couldn't be found." }
    catch { $PSCmdlet.ThrowTerminatingError((New-SimErrorRecord $_.Exception.Message 'Get-MigrationEndpoint' 'ObjectNotFound')) }
    foreach ($item in $items) { $item }
}
