# Migration users → plain values (facts §4.3, §9), and the list-level projections the reads use.

# Users can number hundreds of thousands: one pass with inline member access (a missing property reads
# as $null with strict mode off) rather than several function calls per user.
function ConvertTo-BridgeUserList {
    param([object[]]$Users)
    Set-StrictMode -Off
    $list = [System.Collections.Generic.List[object]]::new($Users.Count)
    foreach ($u in $Users) {
        $e = $u.EmailAddress
        $email = if ($null -eq $e -or $e -is [string]) { [string]$e } elseif ($e.Address -is [string]) { $e.Address } else { [string]$e }
        # MigrationUserId: Id is the address; a user with several migrations shows "address/MailboxGuid".
        $id = $u.Identity
        $identity = if ($null -eq $id -or $id -is [string]) { $id } elseif ($id.Id -is [string]) { $id.Id } else { [string]$id }
        if ($email -eq '') { $email = $identity }
        $b = $u.BatchId
        $batch = if ($null -eq $b -or $b -is [string]) { $b } elseif ($b.Name -is [string] -and $b.Name -ne '') { $b.Name } else { [string]$b }
        $s = $u.Status
        $status = if ($null -eq $s -or $s -is [string]) { $s } elseif ($s -is [enum]) { $s.ToString() } elseif ($s -is [int] -or $s -is [long]) { [long]$s } else { Get-BridgeEnumName $s }
        $last = $u.LastSuccessfulSyncTime
        $errorSummary = [string]$u.ErrorSummary
        $list.Add([ordered]@{
                email                  = if ($email -eq '') { $null } else { $email }
                identity               = if ($identity -eq '' -or $identity -eq $email) { $null } else { $identity }
                batch                  = $batch
                status                 = $status
                syncedItemCount        = [long]$u.SyncedItemCount
                skippedItemCount       = [long]$u.SkippedItemCount
                # No *UTC variant exists; a value of Kind Unspecified is taken as UTC (the EXO default zone).
                lastSuccessfulSyncTime = if ($null -eq $last) { $null } else { Get-BridgeUtc $last }
                errorSummary           = if ($errorSummary -eq '') { $null } else { $errorSummary }
            })
    }
    return , $list.ToArray()
}

function ConvertTo-BridgeUser { param($U) return (ConvertTo-BridgeUserList @($U))[0] }
function ConvertTo-BridgeEndpointList { param([object[]]$Items) return , @(foreach ($i in $Items) { ConvertTo-BridgeEndpoint $i }) }
function ConvertTo-BridgeBatchList { param([object[]]$Items) return , @(foreach ($i in $Items) { ConvertTo-BridgeBatch $i }) }
