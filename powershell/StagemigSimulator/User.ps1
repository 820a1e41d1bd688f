# Get-MigrationUser and Remove-MigrationUser (facts §3.13, §3.15). Parameters: Declare.ps1.

Register-SimCmdlet 'Get-MigrationUser' {
    $records = Invoke-SimCmdlet $PSCmdlet 'Get-MigrationUser' (ConvertTo-SimParameters $PSBoundParameters @('Identity', 'BatchId', 'Partition'))
    $batchIds = @{}
    $items = @(foreach ($r in @($records)) { if ($null -ne $r) { New-SimUserObject $r $batchIds } })
    switch ($PSCmdlet.ParameterSetName) {
        'EmailAddress' { $wanted = [string]$EmailAddress; $items = @($items | Where-Object { $_.EmailAddress -eq $wanted }) }
        'MailboxGuid' { $items = @($items | Where-Object { $_.MailboxGuid -eq $MailboxGuid }) }
        'StatusAndBatchId' {
            if ($PSBoundParameters.ContainsKey('BatchId')) {
                $batch = ConvertTo-SimIdentity $BatchId
                $items = @($items | Where-Object { $_.BatchId.Name -eq $batch -or $_.BatchId.Id -eq $batch })
            }
            if ($PSBoundParameters.ContainsKey('Status')) { $items = @($items | Where-Object { $_.Status -eq $Status }) }
            if ($PSBoundParameters.ContainsKey('StatusSummary')) { $items = @($items | Where-Object { $_.StatusSummary -eq $StatusSummary }) }
        }
        default {
            try { $items = Select-SimByIdentity $items $Identity { param($u) $u.Identity.Id; $u.Guid.ToString() } 'The migration user {0} can''t be found.' }
            catch { $PSCmdlet.ThrowTerminatingError((New-SimErrorRecord $_.Exception.Message 'Get-MigrationUser' 'ObjectNotFound')) }
        }
    }
    $items = Select-SimResultSize $PSCmdlet $items $ResultSize
    foreach ($item in $items) { $item }
}

Register-SimCmdlet 'Remove-MigrationUser' -ConfirmImpact High {
    process {
        $id = ConvertTo-SimIdentity $Identity
        if (-not $PSCmdlet.ShouldProcess("Remove the migration user `"$id`"?", $id, 'Remove-MigrationUser')) { return }
        $null = Invoke-SimCmdlet $PSCmdlet 'Remove-MigrationUser' (ConvertTo-SimParameters $PSBoundParameters @('Identity', 'Partition'))
    }
}
