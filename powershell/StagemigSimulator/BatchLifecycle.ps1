# Start-, Stop- and Remove-MigrationBatch (facts §3.9, §3.10, §3.12). Stop and Remove ask for
# confirmation (ConfirmImpact High) unless -Confirm:$false, as the real cmdlets do. Parameters: Declare.ps1.

foreach ($lifecycle in @(
        @{ Name = 'Start-MigrationBatch'; Verb = 'Start'; Impact = 'Medium' },
        @{ Name = 'Stop-MigrationBatch'; Verb = 'Stop'; Impact = 'High' },
        @{ Name = 'Remove-MigrationBatch'; Verb = 'Remove'; Impact = 'High' })) {
    $body = [scriptblock]::Create(@"
    process {
        `$id = ConvertTo-SimIdentity `$Identity
        if (-not `$PSCmdlet.ShouldProcess("$($lifecycle.Verb) the migration batch ```"`$id```"?", `$id, '$($lifecycle.Name)')) { return }
        `$null = Invoke-SimCmdlet `$PSCmdlet '$($lifecycle.Name)' (ConvertTo-SimParameters `$PSBoundParameters @('Identity', 'Partition'))
    }
"@)
    Register-SimCmdlet $lifecycle.Name $body -ConfirmImpact $lifecycle.Impact
}
