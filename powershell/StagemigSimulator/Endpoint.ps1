# New-, Set-, Remove- and Get-MigrationEndpoint (facts §3.2–§3.5). Parameters: Declare.ps1.

Register-SimCmdlet 'New-MigrationEndpoint' {
    if (-not $PSCmdlet.ShouldProcess("Do you want to create the migration endpoint `"$Name`"?", $Name, 'New-MigrationEndpoint')) { return }
    $result = Invoke-SimCmdlet $PSCmdlet 'New-MigrationEndpoint' (ConvertTo-SimParameters $PSBoundParameters @('TestMailbox', 'Partition'))
    New-SimEndpointObject $result
}

Register-SimCmdlet 'Set-MigrationEndpoint' {
    process {
        $id = ConvertTo-SimIdentity $Identity
        foreach ($other in 'Port', 'RemoteServer', 'Security', 'ApplicationId', 'AppSecretKeyVaultUrl', 'PublicFolderDatabaseServerLegacyDN', 'ServiceAccountKeyFileData') {
            if ($PSBoundParameters.ContainsKey($other)) {
                $text = "Parameter '$other' is not available for endpoints of type 'ExchangeOutlookAnywhere' - $id."
                $PSCmdlet.ThrowTerminatingError((New-SimErrorRecord $text 'Set-MigrationEndpoint' 'InvalidArgument'))
            }
        }
        if (-not $PSCmdlet.ShouldProcess("Do you want to change the migration endpoint `"$id`"?", $id, 'Set-MigrationEndpoint')) { return }
        $null = Invoke-SimCmdlet $PSCmdlet 'Set-MigrationEndpoint' (ConvertTo-SimParameters $PSBoundParameters @('Identity', 'TestMailbox', 'Partition'))
    }
}

Register-SimCmdlet 'Remove-MigrationEndpoint' -ConfirmImpact High {
    process {
        $id = ConvertTo-SimIdentity $Identity
        if (-not $PSCmdlet.ShouldProcess("Remove the migration endpoint `"$id`"?", $id, 'Remove-MigrationEndpoint')) { return }
        $null = Invoke-SimCmdlet $PSCmdlet 'Remove-MigrationEndpoint' (ConvertTo-SimParameters $PSBoundParameters @('Identity', 'Partition'))
    }
}

Register-SimCmdlet 'Get-MigrationEndpoint' {
    $records = Invoke-SimCmdlet $PSCmdlet 'Get-MigrationEndpoint' (ConvertTo-SimParameters $PSBoundParameters @('Identity', 'Partition'))
    $items = @($records | Where-Object { $null -ne $_ } | ForEach-Object { New-SimEndpointObject $_ })
    if ($PSBoundParameters.ContainsKey('Type')) { $items = @($items | Where-Object { $_.EndpointType -eq $Type }) }
    try { $items = Select-SimByIdentity $items $Identity { param($e) $e.Identity.Id; $e.Guid.ToString() } "The migration endpoint '{0}' couldn't be found." }
    catch { $PSCmdlet.ThrowTerminatingError((New-SimErrorRecord $_.Exception.Message 'Get-MigrationEndpoint' 'ObjectNotFound')) }
    foreach ($item in $items) { $item }
}
