# The stand-in's public cmdlets are declared from the documented parameter sets recorded in
# powershell/parameter-sets/<Cmdlet>.json (see powershell/README.md): every set, parameter, type,
# position and mandatory flag comes from that data, so the stand-in binds exactly what Exchange Online
# documents. Each cmdlet file registers only the body; Publish-SimCmdlet writes the function around it.

$script:SimParameterSetsDir = Join-Path (Split-Path $PSScriptRoot -Parent) 'parameter-sets'
$script:SimBodies = [ordered]@{}

# .NET type names in the data → PowerShell type literals; any other name is a type of this module.
$script:SimTypeLiterals = @{
    'String' = 'string'; 'String[]' = 'string[]'; 'SwitchParameter' = 'switch'; 'PSCredential' = 'pscredential'
    'SecureString' = 'securestring'; 'UInt32' = 'uint32'; 'Int32' = 'int'; 'Boolean' = 'bool'; 'DateTime' = 'datetime'
    'TimeSpan' = 'timespan'; 'Guid' = 'guid'; 'Byte[]' = 'byte[]'; 'CultureInfo' = 'cultureinfo'
    'X509Certificate2' = 'System.Security.Cryptography.X509Certificates.X509Certificate2'
    'PSSessionOption' = 'System.Management.Automation.Remoting.PSSessionOption'
    'Hashtable' = 'hashtable'; 'IDictionary' = 'System.Collections.IDictionary'; 'Uri' = 'uri'; 'Double' = 'double'
}

# Registers a cmdlet's body (begin/process/end blocks or plain statements; it sees its parameters as
# variables, $PSCmdlet and $PSBoundParameters). ConfirmImpact is the real cmdlet's (facts §3).
function Register-SimCmdlet {
    param([string]$Name, [scriptblock]$Body, [string]$ConfirmImpact = 'Medium')
    $script:SimBodies[$Name] = @{ Body = $Body; ConfirmImpact = $ConfirmImpact }
}

# A page that documents every environment in one SYNTAX says in `exchangeOnline` which parameters and
# sets Exchange Online has: only those are declared.
function Read-SimParameterSets {
    param([string]$Name)
    $path = Join-Path $script:SimParameterSetsDir "$Name.json"
    $spec = ConvertFrom-Json -InputObject ([System.IO.File]::ReadAllText($path)) -AsHashtable
    $exo = $spec['exchangeOnline']
    if ($null -eq $exo) { return $spec }
    $keep = @($exo['parameters'])
    $parameters = [ordered]@{}
    foreach ($p in $spec['parameters'].Keys) { if ($keep -contains $p) { $parameters[$p] = $spec['parameters'][$p] } }
    $sets = [ordered]@{}
    foreach ($set in @($exo['parameterSets'])) {
        $members = $spec['parameterSets'][$set]
        $sets[$set] = @{
            mandatory = @(@($members['mandatory']) | Where-Object { $keep -contains $_ })
            optional  = @(@($members['optional']) | Where-Object { $keep -contains $_ })
        }
    }
    $spec['parameters'] = $parameters
    $spec['parameterSets'] = $sets
    $spec['pipelineInput'] = @(@($spec['pipelineInput']) | Where-Object { $keep -contains $_ })
    return $spec
}

function New-SimParameterText {
    param([System.Collections.IDictionary]$Spec, [string]$Parameter)
    $attributes = foreach ($set in $Spec['parameterSets'].Keys) {
        $members = $Spec['parameterSets'][$set]
        $mandatory = @($members['mandatory']) -contains $Parameter
        if (-not $mandatory -and @($members['optional']) -notcontains $Parameter) { continue }
        $parts = @()
        if ($set -ne '__AllParameterSets') { $parts += "ParameterSetName = '$set'" }
        if ($mandatory) { $parts += 'Mandatory = $true' }
        # A position is a number (every set) or, where it differs by set, a map of set name → number.
        $position = if ($Spec['positions'] -and $Spec['positions'].Contains($Parameter)) { $Spec['positions'][$Parameter] }
        if ($position -is [System.Collections.IDictionary]) { $position = $position[$set] }
        if ($null -ne $position) { $parts += "Position = $position" }
        if (@($Spec['pipelineInput']) -contains $Parameter) { $parts += 'ValueFromPipeline = $true' }
        "[Parameter($($parts -join ', '))]"
    }
    $type = [string]$Spec['parameters'][$Parameter]
    $literal = if ($script:SimTypeLiterals.ContainsKey($type)) { $script:SimTypeLiterals[$type] } else { $type }
    return "$($attributes -join '') [$literal]`$$Parameter"
}

function New-SimCmdletText {
    param([string]$Name)
    $spec = Read-SimParameterSets $Name
    $registered = $script:SimBodies[$Name]
    $binding = @()
    if ($spec['defaultParameterSet']) { $binding += "DefaultParameterSetName = '$($spec['defaultParameterSet'])'" }
    if ($spec['shouldProcess']) { $binding += 'SupportsShouldProcess = $true'; $binding += "ConfirmImpact = '$($registered.ConfirmImpact)'" }
    $parameters = foreach ($p in $spec['parameters'].Keys) { New-SimParameterText $spec $p }
    return "function $Name {`n[CmdletBinding($($binding -join ', '))]`nparam(`n$($parameters -join ",`n")`n)`n$($registered.Body.ToString())`n}"
}
