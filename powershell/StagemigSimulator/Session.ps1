# Connect-ExchangeOnline / Disconnect-ExchangeOnline (facts §2.1); parameters: Declare.ps1. App-only certificate sign-in is
# checked the way the real module does it locally: the .pfx must open with the given password.

Register-SimCmdlet 'Connect-ExchangeOnline' {
    $fail = {
        param([string]$Text, [string]$Category = 'AuthenticationError')
        $PSCmdlet.ThrowTerminatingError([System.Management.Automation.ErrorRecord]::new(
                [System.Exception]::new($Text), 'Connect-ExchangeOnline', $Category, $null))
    }
    $url = if ($ConnectionUri) { $ConnectionUri } else { $env:STAGEMIG_SIMULATOR_URL }
    if ([string]::IsNullOrWhiteSpace($url)) {
        & $fail 'StagemigSimulator: no simulator URL. Start `stagemig simulator serve <plan.yaml>` and set STAGEMIG_SIMULATOR_URL to the URL it prints.' 'ConnectionError'
    }
    $certificateUsed = $PSBoundParameters.ContainsKey('CertificateFilePath') -or $PSBoundParameters.ContainsKey('CertificateThumbprint') -or $Certificate
    if ($certificateUsed -and ([string]::IsNullOrWhiteSpace($AppId) -or [string]::IsNullOrWhiteSpace($Organization))) {
        & $fail 'AppId and Organization are required for certificate-based authentication.' 'InvalidArgument'
    }
    if ($CertificateFilePath) {
        if (-not (Test-Path -LiteralPath $CertificateFilePath -PathType Leaf)) { & $fail "Could not find the certificate file '$CertificateFilePath'." 'ObjectNotFound' }
        $x509 = [System.Security.Cryptography.X509Certificates.X509Certificate2]
        try { $Certificate = if ($CertificatePassword) { $x509::new($CertificateFilePath, $CertificatePassword) } else { $x509::new($CertificateFilePath) } }
        catch { & $fail "Could not open the certificate '$CertificateFilePath': $($_.Exception.GetBaseException().Message)" }
    }
    elseif ($CertificateThumbprint -and -not $IsWindows) {
        & $fail 'CertificateThumbprint works only on Windows; use CertificateFilePath and CertificatePassword instead.' 'InvalidArgument'
    }
    $thumbprint = if ($Certificate) { $Certificate.Thumbprint } else { $CertificateThumbprint }
    $response = Send-SimRequest $url 'Connect-ExchangeOnline' ([ordered]@{ AppId = $AppId; Organization = $Organization; CertificateThumbprint = $thumbprint })
    if (-not $response['ok']) { & $fail ([string]$response['error']) 'ConnectionError' }
    $script:SimUrl = $url
    $script:SimConnected = $true
    $script:SimCommands = if ($CommandName) { @($CommandName) } else { $null }
    if (-not $PSBoundParameters.ContainsKey('ShowBanner') -or $ShowBanner) { Write-Host "Connected to the stagemig simulator at $url (StagemigSimulator stand-in, not Exchange Online)." }
}

Register-SimCmdlet 'Disconnect-ExchangeOnline' -ConfirmImpact High {
    if (-not $PSCmdlet.ShouldProcess('the stagemig simulator session', 'Disconnect')) { return }
    if ($script:SimConnected) { $null = Send-SimRequest $script:SimUrl 'Disconnect-ExchangeOnline' ([ordered]@{}) }
    $script:SimConnected = $false
    $script:SimCommands = $null
}
