# Microsoft Graph reads (seed step 7) → plain values: every user's licences, creation time and usage
# location (Get-MgUser -All -Property ...) and the tenant's SKUs (Get-MgSubscribedSku -All).
# A tenant can hold hundreds of thousands of users: one pass, inline member access.

function ConvertTo-BridgeGraphUserList {
    param([object[]]$Users)
    Set-StrictMode -Off
    $list = [System.Collections.Generic.List[object]]::new($Users.Count)
    foreach ($u in $Users) {
        $proxies = [System.Collections.Generic.List[string]]::new()
        foreach ($p in @($u.ProxyAddresses)) { if ($null -ne $p) { $proxies.Add([string]$p) } }
        $skus = [System.Collections.Generic.List[string]]::new()
        foreach ($l in @($u.AssignedLicenses)) { if ($null -ne $l -and $null -ne $l.SkuId) { $skus.Add(([string]$l.SkuId).ToLowerInvariant()) } }
        $mail = [string]$u.Mail
        $location = [string]$u.UsageLocation
        $list.Add([ordered]@{
                id                = [string]$u.Id
                userPrincipalName = [string]$u.UserPrincipalName
                mail              = if ($mail -eq '') { $null } else { $mail }
                proxyAddresses    = $proxies.ToArray()
                createdDateTime   = Get-BridgeUtc $u.CreatedDateTime
                usageLocation     = if ($location -eq '') { $null } else { $location }
                assignedSkuIds    = $skus.ToArray()
            })
    }
    return , $list.ToArray()
}

function ConvertTo-BridgeSkuList {
    param([object[]]$Skus)
    return , @(foreach ($s in $Skus) { [ordered]@{ skuId = ([string]$s.SkuId).ToLowerInvariant(); skuPartNumber = [string]$s.SkuPartNumber } })
}
