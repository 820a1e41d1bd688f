@{
    RootModule           = 'StagemigExchange2007.psm1'
    ModuleVersion        = '0.1.0'
    GUID                 = '9d3c6a1e-4b2f-4e7a-8c5d-1f0e2b3a4c6d'
    Author               = 'stagemig'
    Description          = 'Stand-in for the Exchange 2007 Management Shell recipient cmdlets used by the conversion script (seed step 5), over a JSON directory file. For rehearsals and tests; it never touches Active Directory.'
    PowerShellVersion    = '7.0'
    CompatiblePSEditions = @('Core')
    FunctionsToExport    = @('Get-Mailbox', 'Get-MailUser', 'Disable-Mailbox', 'Enable-MailUser', 'Set-MailUser')
    CmdletsToExport      = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
}
