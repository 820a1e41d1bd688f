@{
    RootModule           = 'StagemigSimulator.psm1'
    ModuleVersion        = '0.1.0'
    GUID                 = '5b0f3c2e-8d7a-4f3b-9a51-2c6e1d7f4a90'
    Author               = 'stagemig'
    Description          = 'Stand-in for the ExchangeOnlineManagement staged-migration cmdlets and the Microsoft Graph PowerShell licence cmdlets, backed by `stagemig simulator serve`. For rehearsals and tests; it never talks to Exchange Online.'
    PowerShellVersion    = '7.0'
    CompatiblePSEditions = @('Core')
    FunctionsToExport    = @(
        'Connect-ExchangeOnline', 'Disconnect-ExchangeOnline',
        'New-MigrationEndpoint', 'Set-MigrationEndpoint', 'Remove-MigrationEndpoint', 'Get-MigrationEndpoint',
        'New-MigrationBatch', 'Set-MigrationBatch', 'Start-MigrationBatch', 'Stop-MigrationBatch', 'Remove-MigrationBatch',
        'Get-MigrationBatch', 'Get-MigrationUser', 'Remove-MigrationUser', 'Get-Mailbox',
        'Test-MigrationServerAvailability', 'Get-Recipient', 'Get-AcceptedDomain',
        'Connect-MgGraph', 'Disconnect-MgGraph', 'Get-MgUser', 'Get-MgSubscribedSku', 'Update-MgUser', 'Set-MgUserLicense'
    )
    CmdletsToExport      = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
}
