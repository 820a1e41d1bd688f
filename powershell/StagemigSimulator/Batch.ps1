# New-, Set- and Get-MigrationBatch (facts §3.6–§3.8); New-MigrationBatch in its Onboarding set (staged).

function New-MigrationBatch {
    [CmdletBinding(DefaultParameterSetName = 'Onboarding', SupportsShouldProcess, ConfirmImpact = 'Medium')]
    param(
        [Parameter(Mandatory)][string]$Name,
        [Parameter(Mandatory, ParameterSetName = 'Onboarding')][byte[]]$CSVData,
        [Parameter(Mandatory, ParameterSetName = 'Onboarding')][object]$SourceEndpoint,
        [switch]$AutoStart,
        [switch]$AutoComplete,
        [string[]]$NotificationEmails,
        [datetime]$StartAfter,
        [datetime]$CompleteAfter,
        [string]$TimeZone,
        [timespan]$ReportInterval,
        [switch]$SkipReports,
        [bool]$AllowUnknownColumnsInCsv,
        [Unlimited]$BadItemLimit,
        [Unlimited]$LargeItemLimit,
        [SkippableMigrationSteps[]]$SkipSteps,
        [string]$TargetDeliveryDomain,
        [object]$Partition
    )
    if (-not $PSCmdlet.ShouldProcess("Create the migration batch `"$Name`"?", $Name, 'New-MigrationBatch')) { return }
    $result = Invoke-SimCmdlet $PSCmdlet 'New-MigrationBatch' (ConvertTo-SimParameters $PSBoundParameters @('SourceEndpoint', 'Partition'))
    New-SimBatchObject $result
}

function Set-MigrationBatch {
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'Medium')]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipeline)][object]$Identity,
        [switch]$AddUsers,
        [byte[]]$CSVData,
        [bool]$AllowUnknownColumnsInCsv,
        [switch]$ApproveSkippedItems,
        [datetime]$CompleteAfter,
        [datetime]$StartAfter,
        [string[]]$NotificationEmails,
        [timespan]$ReportInterval,
        [bool]$SkipReports,
        [switch]$SyncNow,
        [switch]$Update,
        [Unlimited]$BadItemLimit,
        [Unlimited]$LargeItemLimit,
        [object]$MoveOptions,
        [object]$SkipMerging,
        [object]$SkipMoving,
        [bool]$AllowIncrementalSyncs,
        [int]$AutoRetryCount,
        [object]$SourcePublicFolderDatabase,
        [object]$Partition
    )
    process {
        $id = ConvertTo-SimIdentity $Identity
        if (-not $PSCmdlet.ShouldProcess("Modify the settings for migration batch `"$id`"?", $id, 'Set-MigrationBatch')) { return }
        $identities = @('Identity', 'MoveOptions', 'SkipMerging', 'SkipMoving', 'SourcePublicFolderDatabase', 'Partition')
        $null = Invoke-SimCmdlet $PSCmdlet 'Set-MigrationBatch' (ConvertTo-SimParameters $PSBoundParameters $identities)
    }
}

function Get-MigrationBatch {
    [CmdletBinding(DefaultParameterSetName = 'Identity')]
    param(
        [Parameter(Position = 0, ValueFromPipeline, ParameterSetName = 'Identity')][object]$Identity,
        [Parameter(ParameterSetName = 'Identity')][MigrationBatchStatus]$Status,
        [Parameter(Mandatory, ParameterSetName = 'Endpoint')][object]$Endpoint,
        [switch]$IncludeReport,
        [Unlimited]$ResultSize,
        [string]$DiagnosticInfo,
        [object]$Partition
    )
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
