# Projections of the reads behind `stagemig check` (Test-MigrationServerAvailability, Get-Recipient,
# Get-AcceptedDomain) to plain values, like normalize.ps1 does for the migration objects.

function ConvertTo-BridgeServerTestList {
    param([object[]]$Items)
    return , @(foreach ($o in $Items) {
            if ($null -eq $o) { continue }
            [ordered]@{
                result  = Get-BridgeEnumName (Get-BridgeProp $o 'Result')
                message = [string](Get-BridgeProp $o 'Message')
            }
        })
}

# EmailAddresses holds proxy addresses ("SMTP:primary", "smtp:secondary", "X500:...", ...): keep the SMTP ones.
function Get-BridgeSmtpAddresses {
    param($Recipient)
    $out = [System.Collections.Generic.List[string]]::new()
    $primary = Get-BridgeText (Get-BridgeProp $Recipient 'PrimarySmtpAddress')
    if ($null -ne $primary) { $out.Add($primary.ToLowerInvariant()) }
    foreach ($p in @(Get-BridgeProp $Recipient 'EmailAddresses')) {
        $text = [string]$p
        if ($text -match '^smtp:(.+)$') {
            $a = $Matches[1].Trim().ToLowerInvariant()
            if (-not $out.Contains($a)) { $out.Add($a) }
        }
    }
    return , $out.ToArray()
}

function ConvertTo-BridgeRecipientList {
    param([object[]]$Items)
    return , @(foreach ($o in $Items) {
            if ($null -eq $o) { continue }
            [ordered]@{
                name                 = Get-BridgeText (Get-BridgeProp $o 'Name')
                recipientTypeDetails = Get-BridgeEnumName (Get-BridgeProp $o 'RecipientTypeDetails')
                primarySmtpAddress   = Get-BridgeText (Get-BridgeProp $o 'PrimarySmtpAddress')
                smtpAddresses        = Get-BridgeSmtpAddresses $o
            }
        })
}

function ConvertTo-BridgeAcceptedDomainList {
    param([object[]]$Items)
    return , @(foreach ($o in $Items) {
            if ($null -eq $o) { continue }
            [ordered]@{
                domainName         = Get-BridgeText (Get-BridgeProp $o 'DomainName')
                domainType         = Get-BridgeEnumName (Get-BridgeProp $o 'DomainType')
                authenticationType = Get-BridgeEnumName (Get-BridgeProp $o 'AuthenticationType')
            }
        })
}
