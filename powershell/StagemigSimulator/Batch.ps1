# New-, Set- and Get-MigrationBatch (facts §3.6–§3.8); New-MigrationBatch in its Onboarding set (staged).
# Parameters: Declare.ps1.

Register-SimCmdlet 'New-MigrationBatch' {
    if ($PSCmdlet.ParameterSetName -ne 'Onboarding') {
        $text = "StagemigSimulator simulates staged migrations only (the Onboarding parameter set), not '$($PSCmdlet.ParameterSetName)'."
        $PSCmdlet.ThrowTerminatingError((New-SimErrorRecord $text 'New-MigrationBatch' 'InvalidArgument'))
    }
    if (-not $PSCmdlet.ShouldProcess("Create the migration batch `"$Name`"?", $Name, 'New-MigrationBatch')) { return }
    $result = Invoke-SimCmdlet $PSCmdlet 'New-MigrationBatch' (ConvertTo-SimParameters $PSBoundParameters @('SourceEndpoint', 'Partition'))
    New-SimBatchObject $result
}

Register-SimCmdlet 'Set-MigrationBatch' {
    process {
        $id = ConvertTo-SimIdentity $Identity
        if (-not $PSCmdlet.ShouldProcess("Modify the settings for migration batch `"$id`"?", $id, 'Set-MigrationBatch')) { return }
        $identities = @('Identity', 'MoveOptions', 'SkipMerging', 'SkipMoving', 'SourcePublicFolderDatabase', 'Partition')
        $null = Invoke-SimCmdlet $PSCmdlet 'Set-MigrationBatch' (ConvertTo-SimParameters $PSBoundParameters $identities)
    }
}

Register-SimCmdlet 'Get-MigrationBatch' {
    $records = Invoke-SimCmdlet $PSCmdlet 'Get-MigrationBatch' (ConvertTo-SimParameters $PSBoundParameters @('Identity', 'Endpoint', 'Partition'))
    $items = @($records | Where-Object { $null -ne $_ } | ForEach-Object { New-SimBatchObject $_ })
    if ($PSBoundParameters.ContainsKey('Status')) { $items = @($items | Where-Object { $_.Status.Value -eq $Status.ToString() }) }
    if ($PSBoundParameters.ContainsKey('Endpoint')) {
        $wanted = ConvertTo-SimIdentity $Endpoint
        $items = @($items | Where-Object { $_.SourceEndpoint -and $_.SourceEndpoint.Identity.Id -eq $wanted })
    }
    try { $items = Select-SimByIdentity $items $Identity { param($b) $b.Identity.Name; $b.Identity.Id } 'The migration batch "{0}" can''t be found.' }
    catch { $PSCmdlet.ThrowTerminatingError((New-SimErrorRecord $_.Exception.Message 'Get-MigrationBatch' 'ObjectNotFound')) }
    $items = Select-SimResultSize $PSCmdlet $items $ResultSize
    foreach ($item in $items) { $item }
}
