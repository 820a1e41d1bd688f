# The stand-in's directory: the on-premises recipients in a JSON file ($env:STAGEMIG_EXCHANGE2007_STATE),
# read and written by every cmdlet, with a log of the calls (cmdlet, identity, domain controller).
#   { "organization": "First Organization", "policyDomain": "contoso.com",
#     "domainControllers": ["dc01.contoso.com"], "faults": { "Enable-MailUser": "<address, alias or GUID>" },
#     "recipients": [ { "guid", "name", "alias", "distinguishedName", "type": "UserMailbox|MailUser|User",
#                       "primarySmtpAddress", "emailAddresses": [], "legacyExchangeDN", "windowsEmailAddress",
#                       "externalEmailAddress", "emailAddressPolicyEnabled" } ],
#     "calls": [ { "cmdlet", "identity", "domainController" } ] }

function Get-E2kStatePath {
    $path = $env:STAGEMIG_EXCHANGE2007_STATE
    if ([string]::IsNullOrWhiteSpace($path)) { throw 'StagemigExchange2007: set STAGEMIG_EXCHANGE2007_STATE to the directory file.' }
    return $path
}

function Read-E2kState {
    $state = ConvertFrom-Json -InputObject ([System.IO.File]::ReadAllText((Get-E2kStatePath))) -AsHashtable -DateKind String
    foreach ($key in 'recipients', 'calls', 'domainControllers') { if ($null -eq $state[$key]) { $state[$key] = @() } }
    if ($null -eq $state['faults']) { $state['faults'] = @{} }
    return $state
}

function Save-E2kState {
    param([System.Collections.IDictionary]$State)
    $path = Get-E2kStatePath
    $temp = "$path.tmp"
    [System.IO.File]::WriteAllText($temp, (ConvertTo-Json -InputObject $State -Depth 8), [System.Text.UTF8Encoding]::new($false))
    [System.IO.File]::Move($temp, $path, $true)
}

function New-E2kError {
    param([string]$Message, [string]$Cmdlet, [string]$Category = 'InvalidOperation')
    return [System.Management.Automation.ErrorRecord]::new([System.InvalidOperationException]::new($Message), $Cmdlet, $Category, $null)
}

# Logs the call and checks the domain controller, as every cmdlet does before it reads.
function Enter-E2kCmdlet {
    param([System.Management.Automation.PSCmdlet]$Caller, [System.Collections.IDictionary]$State, [string]$Cmdlet, [string]$Identity, [string]$DomainController)
    $State['calls'] = @($State['calls']) + @([ordered]@{ cmdlet = $Cmdlet; identity = $Identity; domainController = $DomainController })
    Save-E2kState $State
    $known = @($State['domainControllers'])
    if ($DomainController -ne '' -and $known.Count -gt 0 -and $known -notcontains $DomainController) {
        $Caller.ThrowTerminatingError((New-E2kError "Could not find or connect to domain controller '$DomainController'." $Cmdlet 'ObjectNotFound'))
    }
    $fault = $State['faults'][$Cmdlet]
    if ($null -ne $fault -and $Identity -ne '' -and (Test-E2kIdentityText $fault $Identity $State)) {
        $Caller.ThrowTerminatingError((New-E2kError "Injected fault: $Cmdlet failed for '$Identity'." $Cmdlet))
    }
}

function Get-E2kSmtp {
    param([System.Collections.IDictionary]$R)
    return @(foreach ($p in @($R['emailAddresses'])) { if ($p -match '^(?i)smtp:(.*)$') { $Matches[1] } })
}

# Does the recipient answer to this identity? (GUID, DN, name, alias, LegacyExchangeDN or an SMTP address;
# Get- cmdlets also take wildcards.)
function Test-E2kIdentity {
    param([System.Collections.IDictionary]$R, [string]$Identity, [switch]$Wildcards)
    $keys = @([string]$R['guid'], [string]$R['distinguishedName'], [string]$R['name'], [string]$R['alias'], [string]$R['legacyExchangeDN']) + (Get-E2kSmtp $R)
    foreach ($k in $keys) {
        if ($k -eq '') { continue }
        if ($Wildcards -and $Identity.Contains('*')) { if ($k -like $Identity) { return $true } }
        elseif ([string]::Equals($k, $Identity, [StringComparison]::OrdinalIgnoreCase)) { return $true }
    }
    return $false
}

function Test-E2kIdentityText {
    param([string]$Fault, [string]$Identity, [System.Collections.IDictionary]$State)
    if ([string]::Equals($Fault, $Identity, [StringComparison]::OrdinalIgnoreCase)) { return $true }
    foreach ($r in @($State['recipients'])) {
        if ((Test-E2kIdentity $r $Fault) -and (Test-E2kIdentity $r $Identity)) { return $true }
    }
    return $false
}

function Find-E2kRecipients {
    param([System.Collections.IDictionary]$State, [string]$Identity, [string[]]$Types, [switch]$Wildcards)
    return @(foreach ($r in @($State['recipients'])) {
            if ($Types -contains $r['type'] -and (Test-E2kIdentity $r $Identity -Wildcards:$Wildcards)) { $r }
        })
}

function Get-E2kNotFound {
    param([string]$Identity, [string]$DomainController)
    $where = if ($DomainController) { "domain controller '$DomainController'" } else { 'the domain controller' }
    return "The operation could not be performed because object '$Identity' could not be found on $where."
}

# The one recipient a write cmdlet acts on.
function Get-E2kTarget {
    param([System.Management.Automation.PSCmdlet]$Caller, [System.Collections.IDictionary]$State, [string]$Cmdlet, [string]$Identity, [string[]]$Types, [string]$DomainController)
    $found = @(Find-E2kRecipients $State $Identity $Types)
    if ($found.Count -eq 0) { $Caller.ThrowTerminatingError((New-E2kError (Get-E2kNotFound $Identity $DomainController) $Cmdlet 'ObjectNotFound')) }
    if ($found.Count -gt 1) { $Caller.ThrowTerminatingError((New-E2kError "The operation could not be performed because '$Identity' matches multiple entries." $Cmdlet)) }
    return $found[0]
}

# Another recipient already holding one of these addresses (Exchange refuses duplicates).
function Assert-E2kAddressesFree {
    param([System.Management.Automation.PSCmdlet]$Caller, [System.Collections.IDictionary]$State, [System.Collections.IDictionary]$Owner, [string[]]$Proxies, [string]$Cmdlet)
    foreach ($other in @($State['recipients'])) {
        if ($other['guid'] -eq $Owner['guid']) { continue }
        foreach ($p in $Proxies) {
            foreach ($q in @($other['emailAddresses'])) {
                if ([string]::Equals($p, $q, [StringComparison]::OrdinalIgnoreCase)) {
                    $Caller.ThrowTerminatingError((New-E2kError "The proxy address `"$p`" is already being used by the proxy addresses or LegacyExchangeDN of `"$($other['distinguishedName'])`". Please choose another proxy address." $Cmdlet))
                }
            }
        }
    }
}

function ConvertTo-E2kObject {
    param([System.Collections.IDictionary]$R)
    $type = [string]$R['type']
    $typeName = if ($type -eq 'UserMailbox') { 'Microsoft.Exchange.Data.Directory.Management.Mailbox' } else { 'Microsoft.Exchange.Data.Directory.Management.MailUser' }
    return [pscustomobject][ordered]@{
        PSTypeName                = $typeName
        Identity                  = [string]$R['distinguishedName']
        Guid                      = [guid][string]$R['guid']
        DistinguishedName         = [string]$R['distinguishedName']
        Name                      = [string]$R['name']
        Alias                     = [string]$R['alias']
        PrimarySmtpAddress        = [string]$R['primarySmtpAddress']
        WindowsEmailAddress       = [string]$R['windowsEmailAddress']
        EmailAddresses            = [string[]]@($R['emailAddresses'])
        LegacyExchangeDN          = [string]$R['legacyExchangeDN']
        ExternalEmailAddress      = if ($R['externalEmailAddress']) { [string]$R['externalEmailAddress'] } else { $null }
        EmailAddressPolicyEnabled = [bool]$R['emailAddressPolicyEnabled']
        RecipientType             = $type
        RecipientTypeDetails      = $type
    }
}
