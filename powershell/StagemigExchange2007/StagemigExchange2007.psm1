# StagemigExchange2007: a stand-in for the Exchange 2007 Management Shell's recipient cmdlets that
# the conversion script (powershell/onprem/Convert-StagemigBatch.ps1) runs, over a directory kept in a
# JSON file. For tests and rehearsals of seed step 5; it never touches Active Directory.
foreach ($file in 'Directory', 'Cmdlets') { . (Join-Path $PSScriptRoot "$file.ps1") }
Export-ModuleMember -Function 'Get-Mailbox', 'Get-MailUser', 'Disable-Mailbox', 'Enable-MailUser', 'Set-MailUser'
