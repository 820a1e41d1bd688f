# Cloud mailboxes (Get-Mailbox) → plain values: what conversion to mail users needs (seed step 5).
# A tenant can hold hundreds of thousands of mailboxes: one pass, inline member access.

function ConvertTo-BridgeMailboxList {
    param([object[]]$Mailboxes)
    Set-StrictMode -Off
    $list = [System.Collections.Generic.List[object]]::new($Mailboxes.Count)
    foreach ($m in $Mailboxes) {
        $addresses = [System.Collections.Generic.List[string]]::new()
        foreach ($a in @($m.EmailAddresses)) { if ($null -ne $a) { $addresses.Add([string]$a) } }
        $guid = [string]$m.ExchangeGuid
        $list.Add([ordered]@{
                primarySmtpAddress = [string]$m.PrimarySmtpAddress
                emailAddresses     = $addresses.ToArray()
                legacyExchangeDN   = [string]$m.LegacyExchangeDN
                exchangeGuid       = if ($guid -eq '' -or $guid -eq [guid]::Empty.ToString()) { $null } else { $guid }
            })
    }
    return , $list.ToArray()
}
