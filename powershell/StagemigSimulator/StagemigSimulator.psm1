# StagemigSimulator: a stand-in for the ExchangeOnlineManagement module's staged-migration cmdlets.
# Every cmdlet forwards to `stagemig simulator serve` (URL from Connect-ExchangeOnline -ConnectionUri
# or $env:STAGEMIG_SIMULATOR_URL) and returns objects shaped like Exchange Online's: nested
# SourceEndpoint and BatchId objects, enum values, DateTime properties with *UTC twins, Unlimited
# values. Parameter sets, names, types, positions and mandatory flags are declared from the documented
# sets in ../parameter-sets (Declare.ps1); identity parameters (*IdParameter) take a name, a GUID or an
# object, as the real ones do.

enum MigrationType {
    None = 0; IMAP = 1; XO1 = 2; ExchangeOutlookAnywhere = 4; BulkProvisioning = 8; ExchangeRemoteMove = 16
    ExchangeLocalMove = 32; PSTImport = 64; PublicFolder = 128
}
enum AuthenticationMethod {
    Basic = 0; Digest = 1; Ntlm = 2; Fba = 3; WindowsIntegrated = 4; LiveIdFba = 5; LiveIdBasic = 6; WSSecurity = 7
    Certificate = 8; NegoEx = 9; OAuth = 10; Adfs = 11; Kerberos = 12; Negotiate = 13; LiveIdNegotiate = 14; Misconfigured = 1000
}
enum MigrationMailboxPermission { Admin = 0; FullAccess = 1 }
enum AuthenticationType { Managed = 0; Federated = 1 }
enum IMAPSecurityMechanism { None = 0; Ssl = 1; Tls = 2 }
enum MigrationBatchStatus {
    Created = 0; Syncing = 1; Stopping = 2; Stopped = 3; Completed = 4; Failed = 5; Removing = 6; Synced = 7
    IncrementalSyncing = 8; Completing = 9; CompletedWithErrors = 10; SyncedWithErrors = 11; Corrupted = 12; Waiting = 13; Starting = 14
}
enum MigrationUserStatus {
    Queued = 0; Syncing = 1; Failed = 2; Synced = 3; IncrementalFailed = 4; Completing = 5; Completed = 6; CompletionFailed = 7
    Corrupted = 8; Provisioning = 9; ProvisionUpdating = 10; CompletionSynced = 11; Validating = 12; IncrementalSyncing = 13
    IncrementalSynced = 14; CompletedWithWarnings = 15; Stopped = 16; IncrementalStopped = 17; Starting = 18; Stopping = 19; Removing = 20
}
enum MigrationUserStatusSummary { Active = 1; Failed = 2; Synced = 3; Completed = 4; Stopped = 5 }
enum MigrationBatchDirection { Local = 1; Onboarding = 2; Offboarding = 4 }
enum MigrationUserRecipientType { Mailbox = 0; Contact = 1; Group = 2; PublicFolder = 3; Unsupported = 4; Mailuser = 5; MailboxOrMailuser = 6 }
enum SkippableMigrationSteps { None = 0; SettingTargetAddress = 1 }
enum ExchangeEnvironment { O365Default; O365GermanyCloud; O365China; O365USGovGCCHigh; O365USGovDoD }
enum LogLevel { Default; All }
enum GmailForwardingDisposition { KeepInInbox = 0; Delete = 1; Archive = 2; MarkAsRead = 3 }

# Exchange's parameter value types (identities, addresses, FQDNs, multi-valued properties...): each
# takes whatever the real one takes (a string, a GUID, an object piped from a Get-* cmdlet, an array)
# and keeps it as given; Convert.ps1 turns it into the simulator's JSON.
class ExValue {
    [object]$RawValue
    ExValue([object]$value) { $this.RawValue = $value }
    [string] ToString() { return [string]$this.RawValue }
}
class SmtpAddress : ExValue { SmtpAddress([object]$v) : base($v) {} }
class Fqdn : ExValue { Fqdn([object]$v) : base($v) {} }
class MultiValuedProperty : ExValue { MultiValuedProperty([object]$v) : base($v) {} }
class ExTimeZoneValue : ExValue { ExTimeZoneValue([object]$v) : base($v) {} }
class MailboxIdParameter : ExValue { MailboxIdParameter([object]$v) : base($v) {} }
class DatabaseIdParameter : ExValue { DatabaseIdParameter([object]$v) : base($v) {} }
class MigrationEndpointIdParameter : ExValue { MigrationEndpointIdParameter([object]$v) : base($v) {} }
class MigrationBatchIdParameter : ExValue { MigrationBatchIdParameter([object]$v) : base($v) {} }
class MigrationUserIdParameter : ExValue { MigrationUserIdParameter([object]$v) : base($v) {} }
class ExchangeConnectionSettings : ExValue { ExchangeConnectionSettings([object]$v) : base($v) {} }
class RequestWorkloadType : ExValue { RequestWorkloadType([object]$v) : base($v) {} }
class MigrationWorkflowControlFlags : ExValue { MigrationWorkflowControlFlags([object]$v) : base($v) {} }
class MailboxPlanIdParameter : ExValue { MailboxPlanIdParameter([object]$v) : base($v) {} }
class OrganizationalUnitIdParameter : ExValue { OrganizationalUnitIdParameter([object]$v) : base($v) {} }
class RecipientIdParameter : ExValue { RecipientIdParameter([object]$v) : base($v) {} }
class AcceptedDomainIdParameter : ExValue { AcceptedDomainIdParameter([object]$v) : base($v) {} }
class RecipientType : ExValue { RecipientType([object]$v) : base($v) {} }
class RecipientTypeDetails : ExValue { RecipientTypeDetails([object]$v) : base($v) {} }
class PropertySet : ExValue { PropertySet([object]$v) : base($v) {} }

# Unlimited<int>: an integer or the literal 'Unlimited'.
class Unlimited {
    [bool]$IsUnlimited
    [int]$Value
    Unlimited([int]$value) { $this.Value = $value }
    Unlimited([long]$value) { $this.Value = [int]$value }
    Unlimited([string]$text) {
        if ($text.Trim() -eq 'Unlimited') { $this.IsUnlimited = $true }
        else { $this.Value = [int]::Parse($text.Trim(), [cultureinfo]::InvariantCulture) }
    }
    [string] ToString() { if ($this.IsUnlimited) { return 'Unlimited' }; return [string]$this.Value }
}

class MigrationEndpointId {
    [string]$Id
    [guid]$Guid
    [string] ToString() { if ($this.Id) { return $this.Id }; return $this.Guid.ToString() }
}

class MigrationBatchId {
    [string]$Name
    [guid]$JobId
    [string]$Id
    [string] ToString() { if ($this.Name) { return $this.Name }; return $this.JobId.ToString() }
}

class MigrationUserId {
    [string]$Id
    [guid]$JobItemGuid
    [string] ToString() { if ($this.Id) { return $this.Id }; return $this.JobItemGuid.ToString() }
}

class MigrationBatchError {
    [int]$RowIndex
    [string]$EmailAddress
    [string]$LocalizedErrorMessage
    [string] ToString() { return "Row:$($this.RowIndex), EmailAddress:$($this.EmailAddress), Error:$($this.LocalizedErrorMessage)" }
}

# MigrationUser (facts §4.3). ToString() is the Guid, not the address.
class MigrationUser {
    [MigrationUserId]$Identity
    [guid]$Guid
    [string]$Identifier
    [MigrationBatchId]$BatchId
    [string]$EmailAddress
    [MigrationUserRecipientType]$RecipientType
    [long]$SkippedItemCount
    [long]$SyncedItemCount
    [guid]$MailboxGuid
    [Nullable[datetime]]$LastSuccessfulSyncTime
    # A MigrationUserStatus, or (a status value stagemig does not know, from a scenario) a wrapper of the text.
    [object]$Status
    [MigrationUserStatusSummary]$StatusSummary
    [string]$ErrorSummary
    [bool]$IsValid = $true
    [string]$ObjectState = 'Unchanged'
    [string] ToString() { return $this.Guid.ToString() }
}

# Some enum-typed properties arrive from Exchange Online as wrappers whose Value is the name (facts §9.1).
class ExEnumValue {
    [string]$Value
    ExEnumValue([string]$value) { $this.Value = $value }
    [string] ToString() { return $this.Value }
}

foreach ($file in 'Declare', 'Client', 'Convert', 'Objects', 'Session', 'Endpoint', 'Batch', 'BatchLifecycle', 'User', 'Mailbox', 'Preflight', 'Graph') {
    . (Join-Path $PSScriptRoot "$file.ps1")
}

# Each registered cmdlet becomes a function with exactly its documented parameter sets (Declare.ps1).
foreach ($name in @($script:SimBodies.Keys)) { . ([scriptblock]::Create((New-SimCmdletText $name))) }
Export-ModuleMember -Function @($script:SimBodies.Keys)
