# Get-MigrationUser and Remove-MigrationUser (facts §3.13, §3.15).

function Get-MigrationUser {
    [CmdletBinding(DefaultParameterSetName = 'Identity')]
    param(
        [Parameter(Position = 0, ValueFromPipeline, ParameterSetName = 'Identity')][object]$Identity,
        [Parameter(Mandatory, ParameterSetName = 'EmailAddress')][string]$EmailAddress,
        [Parameter(Mandatory, ParameterSetName = 'MailboxGuid')][guid]$MailboxGuid,
        [Parameter(ParameterSetName = 'StatusAndBatchId')][object]$BatchId,
        [Parameter(ParameterSetName = 'StatusAndBatchId')][MigrationUserStatus]$Status,
        [Parameter(ParameterSetName = 'StatusAndBatchId')][MigrationUserStatusSummary]$StatusSummary,
        [Unlimited]$ResultSize,
        [switch]$IncludeAssociatedUsers,
        [object]$Partition
    )
    $records = Invoke-SimCmdlet $PSCmdlet 'Get-MigrationUser' (ConvertTo-SimParameters $PSBoundParameters @('Identity', 'BatchId', 'Partition'))
    $batchIds = @{}
    $items = @(foreach ($r in @($records)) { if ($null -ne $r) { New-SimUserObject $r $batchIds } })
    switch ($PSCmdlet.ParameterSetName) {
        'EmailAddress' { $items = @($items | Where-Object { $_.EmailAddress -eq $EmailAddress }) }
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

function Remove-MigrationUser {
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')]
    param([Parameter(Mandatory, Position = 0, ValueFromPipeline)][object]$Identity, [object]$Partition)
    process {
        $id = ConvertTo-SimIdentity $Identity
        if (-not $PSCmdlet.ShouldProcess("Remove the migration user `"$id`"?", $id, 'Remove-MigrationUser')) { return }
        $null = Invoke-SimCmdlet $PSCmdlet 'Remove-MigrationUser' (ConvertTo-SimParameters $PSBoundParameters @('Identity', 'Partition'))
    }
}
