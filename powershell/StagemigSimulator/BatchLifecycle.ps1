# Start-, Stop- and Remove-MigrationBatch (facts §3.9, §3.10, §3.12). Stop and Remove ask for
# confirmation (ConfirmImpact High) unless -Confirm:$false, as the real cmdlets do.

function Start-MigrationBatch {
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'Medium')]
    param([Parameter(Position = 0, ValueFromPipeline)][object]$Identity, [object]$Partition)
    process {
        $id = ConvertTo-SimIdentity $Identity
        if (-not $PSCmdlet.ShouldProcess("Start the migration batch `"$id`"?", $id, 'Start-MigrationBatch')) { return }
        $null = Invoke-SimCmdlet $PSCmdlet 'Start-MigrationBatch' (ConvertTo-SimParameters $PSBoundParameters @('Identity', 'Partition'))
    }
}

function Stop-MigrationBatch {
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')]
    param([Parameter(Position = 0, ValueFromPipeline)][object]$Identity, [object]$Partition)
    process {
        $id = ConvertTo-SimIdentity $Identity
        if (-not $PSCmdlet.ShouldProcess("Stop the migration batch `"$id`"?", $id, 'Stop-MigrationBatch')) { return }
        $null = Invoke-SimCmdlet $PSCmdlet 'Stop-MigrationBatch' (ConvertTo-SimParameters $PSBoundParameters @('Identity', 'Partition'))
    }
}

function Remove-MigrationBatch {
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')]
    param([Parameter(Position = 0, ValueFromPipeline)][object]$Identity, [object]$Partition)
    process {
        $id = ConvertTo-SimIdentity $Identity
        if (-not $PSCmdlet.ShouldProcess("Remove the migration batch `"$id`"?", $id, 'Remove-MigrationBatch')) { return }
        $null = Invoke-SimCmdlet $PSCmdlet 'Remove-MigrationBatch' (ConvertTo-SimParameters $PSBoundParameters @('Identity', 'Partition'))
    }
}
