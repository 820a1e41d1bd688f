# Simulator records → objects shaped like Exchange Online's MigrationEndpoint, MigrationBatch and
# MigrationUser (facts §4). Plain DateTime properties are in the batch time zone (UTC by default in
# Exchange Online) and of Kind Unspecified; the *UTC twins are of Kind Utc.

function Get-SimGuid {
    param([string]$Text)
    if ($Text -match '^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$') { return [guid]$Text }
    $md5 = [System.Security.Cryptography.MD5]::Create()
    try { return [guid]::new($md5.ComputeHash([System.Text.Encoding]::UTF8.GetBytes($Text.ToLowerInvariant()))) } finally { $md5.Dispose() }
}

function ConvertTo-SimDate {
    param($Iso)
    if ($null -eq $Iso -or $Iso -eq '') { return $null }
    $styles = [System.Globalization.DateTimeStyles]'AdjustToUniversal, AssumeUniversal'
    return [datetime]::Parse([string]$Iso, [cultureinfo]::InvariantCulture, $styles)
}

function Add-SimDates {
    param([System.Collections.IDictionary]$Target, [string]$Name, $Iso)
    $utc = ConvertTo-SimDate $Iso
    $Target[$Name] = if ($null -eq $utc) { $null } else { [datetime]::SpecifyKind($utc, 'Unspecified') }
    $Target["$($Name)UTC"] = $utc
}

function New-SimUnlimited { param($Value) if ($null -eq $Value) { return $null }; return [Unlimited]::new([string]$Value) }

function New-SimEndpointObject {
    param([System.Collections.IDictionary]$R)
    if ($null -eq $R) { return $null }
    $o = [ordered]@{
        PSTypeName                    = 'Microsoft.Exchange.Data.Storage.Management.MigrationEndpoint'
        Identity                      = [MigrationEndpointId]@{ Id = $R['name']; Guid = Get-SimGuid ([string]$(if ($R['guid']) { $R['guid'] } else { $R['name'] })) }
        EndpointType                  = [MigrationType]$R['type']
        MaxConcurrentMigrations       = New-SimUnlimited $R['maxConcurrentMigrations']
        MaxConcurrentIncrementalSyncs = New-SimUnlimited $R['maxConcurrentIncrementalSyncs']
        ActiveMigrationCount          = 0
        ActiveIncrementalSyncCount    = 0
        RemoteServer                  = $null
        Username                      = $R['username']
        Port                          = $null
        Authentication                = if ($R['authentication']) { [AuthenticationMethod]$R['authentication'] } else { $null }
        Security                      = $null
        RpcProxyServer                = $R['rpcProxyServer']
        ExchangeServer                = $R['exchangeServer']
        NspiServer                    = $null
        UseAutoDiscover               = [bool]$R['autodiscover']
        MailboxPermission             = $null
        IsRemote                      = $true
        SourceMailboxLegacyDN         = $null
        AcceptUntrustedCertificates   = $false
        IsValid                       = $true
        ObjectState                   = 'Unchanged'
    }
    $o['Guid'] = $o['Identity'].Guid
    return [pscustomobject]$o
}

function New-SimBatchObject {
    param([System.Collections.IDictionary]$R)
    if ($null -eq $R) { return $null }
    $guid = Get-SimGuid ([string]$(if ($R['guid']) { $R['guid'] } else { $R['name'] }))
    $o = [ordered]@{
        PSTypeName   = 'Microsoft.Exchange.Migration.MigrationBatch'
        Identity     = [MigrationBatchId]@{ Name = $R['name']; JobId = $guid; Id = $guid.ToString() }
        Status       = [ExEnumValue]::new([string]$R['status'])
        BatchGuid    = $guid
        TotalCount   = [int]$R['totalCount']; ActiveCount = [int]$R['activeCount']; StoppedCount = [int]$R['stoppedCount']
        SyncedCount  = [int]$R['syncedCount']; FinalizedCount = 0; FailedCount = [int]$R['failedCount']
        FailedInitialSyncCount = [int]$R['failedCount']; FailedIncrementalSyncCount = 0
        PendingCount = [int]$R['pendingCount']; ProvisionedCount = [int]$R['provisionedCount']
    }
    $warnings = @(foreach ($w in @($R['validationWarnings'])) {
            if ($w -match '^Row:(\d+), EmailAddress:(.*?), Error:(.*)$') {
                [MigrationBatchError]@{ RowIndex = [int]$Matches[1]; EmailAddress = $Matches[2]; LocalizedErrorMessage = $Matches[3] }
            }
        })
    $o['ValidationWarningCount'] = $warnings.Count
    $o['ValidationWarnings'] = $warnings
    $o['Message'] = ''
    foreach ($n in 'CreationDateTime', 'StartDateTime', 'InitialSyncDateTime', 'LastSyncedDateTime') {
        Add-SimDates $o $n $R[$n.Substring(0, 1).ToLowerInvariant() + $n.Substring(1)]
    }
    Add-SimDates $o 'FinalizedDateTime' $null
    Add-SimDates $o 'StartAfter' $R['startAfter']
    Add-SimDates $o 'CompleteAfter' $null
    $o['SubmittedByUser'] = 'stagemig-simulator'
    $o['NotificationEmails'] = @($R['notificationEmails'])
    $o['MigrationType'] = [MigrationType]::ExchangeOutlookAnywhere
    $o['BatchDirection'] = [MigrationBatchDirection]::Onboarding
    $o['SourceEndpoint'] = New-SimEndpointObject $R['sourceEndpoint']
    $o['TargetEndpoint'] = $null
    $o['BadItemLimit'] = [Unlimited]::new(0)
    $o['LargeItemLimit'] = [Unlimited]::new(0)
    $o['DataConsistencyScore'] = if ($R['dataConsistencyScore']) { [ExEnumValue]::new([string]$R['dataConsistencyScore']) } else { $null }
    $o['IsValid'] = $true
    $o['ObjectState'] = 'Unchanged'
    return [pscustomobject]$o
}

function New-SimUserObject {
    param([System.Collections.IDictionary]$R)
    $email = [string]$R['email']
    $status = [MigrationUserStatus]$R['status']
    $guid = Get-SimGuid "user:$email"
    $batchGuid = Get-SimGuid ([string]$(if ($R['batchGuid']) { $R['batchGuid'] } else { $R['batch'] }))
    $summary = switch ($status.ToString()) {
        { $_ -in 'Failed', 'IncrementalFailed', 'CompletionFailed', 'Corrupted', 'CompletedWithWarnings' } { 'Failed'; break }
        { $_ -in 'Synced', 'CompletionSynced', 'IncrementalSyncing' } { 'Synced'; break }
        { $_ -in 'Stopped', 'IncrementalStopped' } { 'Stopped'; break }
        'Completed' { 'Completed'; break }
        default { 'Active' }
    }
    $o = [pscustomobject][ordered]@{
        PSTypeName             = 'Microsoft.Exchange.Migration.MigrationUser'
        Identity               = [MigrationUserId]@{ Id = $email; JobItemGuid = $guid }
        Guid                   = $guid
        Identifier             = $email
        BatchId                = [MigrationBatchId]@{ Name = $R['batch']; JobId = $batchGuid; Id = $batchGuid.ToString() }
        EmailAddress           = $email
        RecipientType          = [MigrationUserRecipientType]::Mailuser
        SkippedItemCount       = [long]$R['skippedItemCount']
        SyncedItemCount        = [long]$R['syncedItemCount']
        MailboxGuid            = Get-SimGuid "mailbox:$email"
        LastSuccessfulSyncTime = if ($R['lastSuccessfulSyncTime']) { [datetime]::SpecifyKind((ConvertTo-SimDate $R['lastSuccessfulSyncTime']), 'Unspecified') } else { $null }
        Status                 = $status
        StatusSummary          = [MigrationUserStatusSummary]$summary
        ErrorSummary           = $R['errorSummary']
        IsValid                = $true
        ObjectState            = 'Unchanged'
    }
    # MigrationUser.ToString() is its Guid, not the address (facts §4.3).
    $o | Add-Member -MemberType ScriptMethod -Name ToString -Value { $this.Guid.ToString() } -Force
    return $o
}
