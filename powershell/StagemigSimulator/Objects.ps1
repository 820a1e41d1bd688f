# Simulator records → objects shaped like Exchange Online's MigrationEndpoint, MigrationBatch and
# MigrationUser (facts §4). Plain DateTime properties are in the batch time zone (UTC by default in
# Exchange Online) and of Kind Unspecified; the *UTC twins are of Kind Utc.

# Deterministic GUIDs for objects the simulator keeps none for (a name's MD5).
function Get-SimGuid {
    param([string]$Text)
    $parsed = [guid]::Empty
    if ([guid]::TryParse($Text, [ref]$parsed)) { return $parsed }
    return [guid]::new([System.Security.Cryptography.MD5]::HashData([System.Text.Encoding]::UTF8.GetBytes($Text.ToLowerInvariant())))
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
    $o['IsStaged'] = -not [bool]$R['cutover']
    $o['SourceEndpoint'] = New-SimEndpointObject $R['sourceEndpoint']
    $o['TargetEndpoint'] = $null
    $o['BadItemLimit'] = [Unlimited]::new(0)
    $o['LargeItemLimit'] = [Unlimited]::new(0)
    $o['DataConsistencyScore'] = if ($R['dataConsistencyScore']) { [ExEnumValue]::new([string]$R['dataConsistencyScore']) } else { $null }
    $o['IsValid'] = $true
    $o['ObjectState'] = 'Unchanged'
    return [pscustomobject]$o
}

$script:SummaryOf = @{
    Failed = 'Failed'; IncrementalFailed = 'Failed'; CompletionFailed = 'Failed'; Corrupted = 'Failed'; CompletedWithWarnings = 'Failed'
    Synced = 'Synced'; CompletionSynced = 'Synced'; IncrementalSyncing = 'Synced'; Stopped = 'Stopped'; IncrementalStopped = 'Stopped'
    Completed = 'Completed'
}

function New-SimUserObject {
    param([System.Collections.IDictionary]$R, [hashtable]$BatchIds = @{})
    $email = [string]$R['email']
    $batch = [string]$R['batch']
    if (-not $BatchIds.ContainsKey($batch)) {
        $batchGuid = Get-SimGuid ([string]$(if ($R['batchGuid']) { $R['batchGuid'] } else { $batch }))
        $BatchIds[$batch] = [MigrationBatchId]@{ Name = $batch; JobId = $batchGuid; Id = $batchGuid.ToString() }
    }
    $u = [MigrationUser]::new()
    $u.Guid = Get-SimGuid "user:$email"
    $u.Identity = [MigrationUserId]@{ Id = $email; JobItemGuid = $u.Guid }
    $u.Identifier = $email
    $u.BatchId = $BatchIds[$batch]
    $u.EmailAddress = $email
    $u.RecipientType = [MigrationUserRecipientType]::Mailuser
    $u.SkippedItemCount = [long]$R['skippedItemCount']
    $u.SyncedItemCount = [long]$R['syncedItemCount']
    $u.MailboxGuid = Get-SimGuid "mailbox:$email"
    if ($R['lastSuccessfulSyncTime']) { $u.LastSuccessfulSyncTime = [datetime]::SpecifyKind((ConvertTo-SimDate $R['lastSuccessfulSyncTime']), 'Unspecified') }
    $status = [string]$R['status']
    $u.Status = if ([enum]::IsDefined([MigrationUserStatus], $status)) { [MigrationUserStatus]$status } else { [ExEnumValue]::new($status) }
    $summary = $script:SummaryOf[$u.Status.ToString()]
    $u.StatusSummary = if ($summary) { $summary } else { 'Active' }
    $u.ErrorSummary = $R['errorSummary']
    return $u
}
