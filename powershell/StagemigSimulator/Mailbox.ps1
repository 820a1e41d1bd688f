# Get-Mailbox (Exchange Online), declared from its documented Exchange Online sets (AnrSet, Identity,
# MailboxPlanSet; Declare.ps1 leaves out the Database and Server sets and the on-premises parameters).
# The simulator lists a mailbox per migration user whose mailbox the service provisioned.

function New-SimMailboxObject {
    param([System.Collections.IDictionary]$R)
    $primary = [string]$R['primarySmtpAddress']
    $alias = $primary.Substring(0, $primary.LastIndexOf('@'))
    $guid = if ($R['exchangeGuid']) { [guid]$R['exchangeGuid'] } else { [guid]::Empty }
    return [pscustomobject][ordered]@{
        PSTypeName           = 'Microsoft.Exchange.Data.Directory.Management.Mailbox'
        Identity             = $alias
        Name                 = $alias
        Alias                = $alias
        DisplayName          = $alias
        PrimarySmtpAddress   = $primary
        WindowsEmailAddress  = $primary
        EmailAddresses       = [string[]]@($R['emailAddresses'])
        LegacyExchangeDN     = [string]$R['legacyExchangeDN']
        ExchangeGuid         = $guid
        Guid                 = Get-SimGuid "mailbox:$primary"
        RecipientType        = 'UserMailbox'
        RecipientTypeDetails = 'UserMailbox'
        IsValid              = $true
        ObjectState          = 'Unchanged'
    }
}

function Test-SimMailboxIdentity {
    param($Mailbox, [string]$Identity)
    $id = $Identity.Trim()
    if ($id -eq $Mailbox.Alias -or $id -eq $Mailbox.LegacyExchangeDN -or $id -eq $Mailbox.Guid.ToString() -or $id -eq $Mailbox.ExchangeGuid.ToString()) { return $true }
    foreach ($a in $Mailbox.EmailAddresses) {
        $at = $a.IndexOf(':')
        if ($at -gt 0 -and $a.Substring(0, $at) -eq 'smtp' -and $a.Substring($at + 1) -eq $id) { return $true }
    }
    return $false
}

Register-SimCmdlet 'Get-Mailbox' {
    foreach ($unmodelled in 'Filter', 'MailboxPlan', 'OrganizationalUnit', 'SortBy') {
        if ($PSBoundParameters.ContainsKey($unmodelled)) {
            $PSCmdlet.ThrowTerminatingError((New-SimErrorRecord "StagemigSimulator: Get-Mailbox -$unmodelled is not modelled by the stand-in." 'Get-Mailbox' 'NotImplemented'))
        }
    }
    $records = Invoke-SimCmdlet $PSCmdlet 'Get-Mailbox' ([ordered]@{})
    $items = @(foreach ($r in @($records)) { if ($null -ne $r) { New-SimMailboxObject $r } })
    # Only active user mailboxes exist in the simulator: the subsets these switches ask for are empty.
    if ($Archive -or $GroupMailbox -or $InactiveMailboxOnly -or $Migration -or $PublicFolder -or $SoftDeletedMailbox) { $items = @() }
    if ($PSBoundParameters.ContainsKey('RecipientTypeDetails') -and @($RecipientTypeDetails | ForEach-Object { [string]$_ }) -notcontains 'UserMailbox') { $items = @() }
    if ($PSBoundParameters.ContainsKey('Anr')) {
        $items = @($items | Where-Object { $_.Alias.StartsWith($Anr, [StringComparison]::OrdinalIgnoreCase) })
    }
    $id = ConvertTo-SimIdentity $Identity
    if (-not [string]::IsNullOrWhiteSpace($id)) {
        $items = @($items | Where-Object { Test-SimMailboxIdentity $_ $id })
        if ($items.Count -eq 0) {
            $PSCmdlet.WriteError((New-SimErrorRecord "Couldn't find object `"$id`". Please make sure that it was spelled correctly or specify a different object." 'Get-Mailbox' 'ObjectNotFound'))
            return
        }
    }
    $items = Select-SimResultSize $PSCmdlet $items $ResultSize
    foreach ($item in $items) { $item }
}
