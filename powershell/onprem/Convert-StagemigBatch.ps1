# Convert-StagemigBatch.ps1, written by `stagemig convert` (seed step 5: on-premises mailboxes to mail users).
#
# For every mailbox listed in mailboxes.csv (beside this script), whose content Exchange Online now
# holds, it replaces the on-premises mailbox with a mail user (MEU) that forwards to the cloud mailbox:
#   1. saves the mailbox's addresses, LegacyExchangeDN and object GUID in saved\<ExchangeGuid>.csv;
#   2. Disable-Mailbox (the Active Directory user stays);
#   3. Enable-MailUser with the *.mail.onmicrosoft.com routing address as ExternalEmailAddress;
#   4. Set-MailUser: e-mail address policy off, then the addresses: the mailbox's own, its
#      LegacyExchangeDN as an X500 address, the cloud LegacyExchangeDN as an X500 address, the routing
#      address and the cloud mailbox's other addresses (proxy-addresses.csv).
#
# Run it in the Exchange Management Shell of Exchange 2007 (Windows PowerShell 1.0 or later):
#   .\Convert-StagemigBatch.ps1 -DomainController dc01.contoso.com
# Every read and write goes to that one domain controller, so a step always sees the one before it.
# Each user gets a line in conversion.log. A user already converted is skipped. The script stops at
# the first error: fix the cause and run it again, it carries on where it stopped (a user stopped
# half-way is finished from its saved addresses). Keep this folder until the batch is deleted.
#
# The script holds no password and no data of its own. Values from the CSV files are passed to the
# cmdlets as values, never as code, so quotes, backticks, $ and ; in names and addresses are literal.

param([string]$DomainController = '')

$ErrorActionPreference = 'Stop'
$script:Folder = Split-Path -Parent $MyInvocation.MyCommand.Path
$script:LogFile = [System.IO.Path]::Combine($script:Folder, 'conversion.log')
$script:SavedFolder = [System.IO.Path]::Combine($script:Folder, 'saved')
$script:CloudProxies = @{}
$script:Pushed = $false
$script:Current = ''
$script:Converted = 0
$script:Resumed = 0
$script:Skipped = 0

function Write-ConversionLog([string]$Text) {
    $stamp = [DateTime]::UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", [System.Globalization.CultureInfo]::InvariantCulture)
    $line = $stamp + ' ' + $Text
    Write-Host $line
    [System.IO.File]::AppendAllText($script:LogFile, $line + "`r`n", [System.Text.Encoding]::UTF8)
}

trap {
    $at = ''
    if ($script:Current -ne '') { $at = ' at ' + $script:Current }
    Write-ConversionLog ('STOPPED' + $at + ': ' + $_.Exception.Message)
    Write-ConversionLog 'No later user was touched. Fix the cause and run the script again: converted users are skipped, a user stopped half-way is finished from its saved addresses.'
    if ($script:Pushed) { Pop-Location }
    exit 1
}

function Test-SameText([string]$A, [string]$B) {
    return [string]::Equals($A, $B, [System.StringComparison]::OrdinalIgnoreCase)
}

# An address without its "smtp:" prefix.
function Get-BareAddress([string]$Proxy) {
    if ($Proxy.ToLowerInvariant().StartsWith('smtp:')) { return $Proxy.Substring(5) }
    return $Proxy
}

function Test-HasAddress($Recipient, [string]$Proxy) {
    foreach ($p in $Recipient.EmailAddresses) {
        if (Test-SameText ([string]$p) $Proxy) { return $true }
    }
    return $false
}

# The one mailbox whose own addresses include $Address; a lookup may also match other objects
# (an identity is resolved in several ways), so each result is checked.
function Find-OnPremMailbox([string]$Address) {
    $match = $null
    foreach ($m in @(Get-Mailbox -Identity $Address -DomainController $DomainController -ErrorAction SilentlyContinue)) {
        if ((Test-SameText ([string]$m.PrimarySmtpAddress) $Address) -or (Test-HasAddress $m ('smtp:' + $Address))) {
            if ($match -ne $null) { throw ('More than one mailbox has the address ' + $Address + '; resolve that first.') }
            $match = $m
        }
    }
    return $match
}

function Find-OnPremMailUser([string]$Identity, [string]$Address) {
    $match = $null
    foreach ($u in @(Get-MailUser -Identity $Identity -DomainController $DomainController -ErrorAction SilentlyContinue)) {
        $same = $false
        if ($Address -eq '') { $same = Test-SameText ([string]$u.Guid) $Identity }
        else { $same = (Test-SameText ([string]$u.PrimarySmtpAddress) $Address) -or (Test-HasAddress $u ('smtp:' + $Address)) }
        if ($same) {
            if ($match -ne $null) { throw ('More than one mail user matches ' + $Identity + '; resolve that first.') }
            $match = $u
        }
    }
    return $match
}

function Test-Converted($MailUser, [string]$Routing, [string]$CloudDn) {
    $external = Get-BareAddress ([string]$MailUser.ExternalEmailAddress)
    return (Test-SameText $external $Routing) -and (Test-HasAddress $MailUser ('X500:' + $CloudDn))
}

function Format-CsvField([string]$Value) {
    return '"' + $Value.Replace('"', '""') + '"'
}

# Written before the mailbox is disabled (Disable-Mailbox removes these attributes).
function Save-OnPremAddresses($Mailbox, [string]$File) {
    $lines = New-Object System.Collections.ArrayList
    [void]$lines.Add('"Kind","Value"')
    [void]$lines.Add('"Guid",' + (Format-CsvField ([string]$Mailbox.Guid)))
    [void]$lines.Add('"LegacyExchangeDN",' + (Format-CsvField ([string]$Mailbox.LegacyExchangeDN)))
    [void]$lines.Add('"WindowsEmailAddress",' + (Format-CsvField ([string]$Mailbox.WindowsEmailAddress)))
    foreach ($p in $Mailbox.EmailAddresses) { [void]$lines.Add('"EmailAddress",' + (Format-CsvField ([string]$p))) }
    $text = [string]::Join("`r`n", $lines.ToArray([string])) + "`r`n"
    $path = [System.IO.Path]::Combine($script:Folder, $File)
    $temp = $path + '.tmp'
    [System.IO.File]::WriteAllText($temp, $text, [System.Text.Encoding]::Unicode)
    if ([System.IO.File]::Exists($path)) { [System.IO.File]::Delete($path) }
    [System.IO.File]::Move($temp, $path)
}

function Read-SavedAddresses([string]$File) {
    $saved = @{}
    $saved['Guid'] = ''
    $saved['LegacyExchangeDN'] = ''
    $saved['WindowsEmailAddress'] = ''
    $saved['EmailAddresses'] = New-Object System.Collections.ArrayList
    foreach ($r in @(Import-Csv -Path $File)) {
        $kind = [string]$r.Kind
        if ($kind -eq 'EmailAddress') { [void]$saved['EmailAddresses'].Add([string]$r.Value) }
        elseif ($saved.ContainsKey($kind)) { $saved[$kind] = [string]$r.Value }
    }
    if ($saved['Guid'] -eq '' -or $saved['LegacyExchangeDN'] -eq '' -or $saved['EmailAddresses'].Count -eq 0) {
        throw ('The saved addresses in ' + $File + ' are incomplete; restore the user by hand.')
    }
    return $saved
}

function Add-Address($List, $Seen, [string]$Proxy) {
    $key = $Proxy.ToLowerInvariant()
    if ($Seen.ContainsKey($key)) { return }
    $Seen[$key] = $true
    [void]$List.Add($Proxy)
}

# The mail user's addresses: the mailbox's own first (its SMTP: primary stays primary), then the
# X500 addresses of both LegacyExchangeDNs, the routing address and the cloud mailbox's addresses.
# (The comma keeps PowerShell from unrolling the list on return.)
function Get-MailUserAddresses($Saved, $Row) {
    $seen = @{}
    $list = New-Object System.Collections.ArrayList
    foreach ($p in $Saved['EmailAddresses']) { Add-Address $list $seen ([string]$p) }
    Add-Address $list $seen ('X500:' + $Saved['LegacyExchangeDN'])
    Add-Address $list $seen ('X500:' + [string]$Row.CloudLegacyExchangeDN)
    Add-Address $list $seen ('smtp:' + [string]$Row.RoutingAddress)
    $key = ([string]$Row.EmailAddress).ToLowerInvariant()
    if ($script:CloudProxies.ContainsKey($key)) {
        foreach ($p in $script:CloudProxies[$key]) { Add-Address $list $seen ([string]$p) }
    }
    return ,$list
}

function Complete-MailUser($Saved, $Row) {
    $identity = $Saved['Guid']
    Set-MailUser -Identity $identity -EmailAddressPolicyEnabled $false -DomainController $DomainController
    $addresses = (Get-MailUserAddresses $Saved $Row).ToArray([string])
    if ($Saved['WindowsEmailAddress'] -eq '') {
        Set-MailUser -Identity $identity -EmailAddresses $addresses -DomainController $DomainController
    }
    else {
        Set-MailUser -Identity $identity -EmailAddresses $addresses -WindowsEmailAddress $Saved['WindowsEmailAddress'] -DomainController $DomainController
    }
}

function Convert-OneMailbox($Row) {
    $address = [string]$Row.EmailAddress
    $routing = [string]$Row.RoutingAddress
    $cloudDn = [string]$Row.CloudLegacyExchangeDN
    $guid = [string]$Row.ExchangeGuid
    if ($address -eq '' -or $routing -eq '' -or $cloudDn -eq '' -or $guid -eq '') {
        throw ('mailboxes.csv has an incomplete row (address "' + $address + '"); run stagemig convert again.')
    }
    $savedFile = Join-Path 'saved' ($guid + '.csv')
    $mailbox = Find-OnPremMailbox $address
    if ($mailbox -ne $null) {
        Save-OnPremAddresses $mailbox $savedFile
        $saved = Read-SavedAddresses $savedFile
        Disable-Mailbox -Identity $saved['Guid'] -DomainController $DomainController -Confirm:$false
        Enable-MailUser -Identity $saved['Guid'] -ExternalEmailAddress ('SMTP:' + $routing) -DomainController $DomainController | Out-Null
        Complete-MailUser $saved $Row
        $script:Converted = $script:Converted + 1
        Write-ConversionLog ('converted ' + $address + ': mail user forwarding to ' + $routing)
        return
    }
    $mailUser = Find-OnPremMailUser $address $address
    if ($mailUser -ne $null -and (Test-Converted $mailUser $routing $cloudDn)) {
        $script:Skipped = $script:Skipped + 1
        Write-ConversionLog ('skipped ' + $address + ': already a mail user forwarding to ' + $routing)
        return
    }
    if (-not [System.IO.File]::Exists([System.IO.Path]::Combine($script:Folder, $savedFile))) {
        if ($mailUser -ne $null) { throw ($address + ' is a mail user that this script did not convert (nothing saved for it); check it by hand.') }
        throw ('No mailbox or mail user has the address ' + $address + ' on ' + $DomainController + '.')
    }
    $saved = Read-SavedAddresses $savedFile
    if ($mailUser -eq $null) { $mailUser = Find-OnPremMailUser $saved['Guid'] '' }
    if ($mailUser -eq $null) {
        Enable-MailUser -Identity $saved['Guid'] -ExternalEmailAddress ('SMTP:' + $routing) -DomainController $DomainController | Out-Null
    }
    elseif (-not (Test-SameText (Get-BareAddress ([string]$mailUser.ExternalEmailAddress)) $routing)) {
        throw ($address + ' is a mail user forwarding to ' + [string]$mailUser.ExternalEmailAddress + ', not to ' + $routing + '; check it by hand.')
    }
    Complete-MailUser $saved $Row
    $script:Resumed = $script:Resumed + 1
    Write-ConversionLog ('converted ' + $address + ' (finished after an earlier stop): mail user forwarding to ' + $routing)
}

if ($DomainController -eq '') {
    throw 'Name the domain controller for every read and write: .\Convert-StagemigBatch.ps1 -DomainController dc01.contoso.com'
}
Push-Location -LiteralPath $script:Folder
$script:Pushed = $true
[void][System.IO.Directory]::CreateDirectory($script:SavedFolder)
$rows = @(Import-Csv -Path 'mailboxes.csv')
foreach ($p in @(Import-Csv -Path 'proxy-addresses.csv')) {
    $key = ([string]$p.EmailAddress).ToLowerInvariant()
    if (-not $script:CloudProxies.ContainsKey($key)) { $script:CloudProxies[$key] = New-Object System.Collections.ArrayList }
    [void]$script:CloudProxies[$key].Add([string]$p.ProxyAddress)
}
Write-ConversionLog ('Converting ' + $rows.Count + ' mailboxes to mail users (domain controller ' + $DomainController + ').')
foreach ($row in $rows) {
    $script:Current = [string]$row.EmailAddress
    Convert-OneMailbox $row
}
$script:Current = ''
Write-ConversionLog ('Done: ' + $script:Converted + ' converted, ' + $script:Resumed + ' finished after an earlier stop, ' + $script:Skipped + ' already converted. Record this time as the batch''s convertedAt in the plan.')
Pop-Location
$script:Pushed = $false
