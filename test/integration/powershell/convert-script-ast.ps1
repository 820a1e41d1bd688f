# Parses a script with PowerShell's own grammar and reports, as JSON, its parse errors, every construct
# that Windows PowerShell 1.0 lacks, and the commands it calls with their parameter names.
param([string]$Path)
$ErrorActionPreference = 'Stop'
$tokens = $null
$errors = $null
$ast = [System.Management.Automation.Language.Parser]::ParseFile($Path, [ref]$tokens, [ref]$errors)
$newer = [System.Collections.Generic.List[string]]::new()
$add = { param($what, $node) $newer.Add("$what (line $($node.Extent.StartLineNumber))") }
$v2Operators = 'Join', 'Isplit', 'Csplit', 'Split', 'In', 'Iin', 'Cin', 'Notin', 'Inotin', 'Cnotin', 'Shl', 'Shr'
$v2Variables = 'PSScriptRoot', 'PSCommandPath', 'PSItem', 'PSCmdlet', 'PSBoundParameters', 'PSDefaultParameterValues'
foreach ($node in $ast.FindAll({ $true }, $true)) {
    switch ($node.GetType().Name) {
        'TryStatementAst' { & $add 'try/catch/finally' $node }
        'TypeDefinitionAst' { & $add 'class or enum' $node }
        'UsingStatementAst' { & $add 'using' $node }
        'DynamicKeywordStatementAst' { & $add 'dynamic keyword' $node }
        'ConfigurationDefinitionAst' { & $add 'configuration' $node }
        'AttributeAst' { & $add "attribute [$($node.TypeName.Name)] (advanced function or validation)" $node }
        'ScriptBlockAst' { if ($null -ne $node.DynamicParamBlock) { & $add 'dynamicparam' $node } }
        'VariableExpressionAst' {
            if ($node.Splatted) { & $add 'splatting' $node }
            if ($v2Variables -contains $node.VariablePath.UserPath) { & $add "`$$($node.VariablePath.UserPath)" $node }
            if ($node.VariablePath.DriveName -eq 'using') { & $add '$using:' $node }
        }
        'UsingExpressionAst' { & $add '$using:' $node }
        'BinaryExpressionAst' { if ($v2Operators -contains $node.Operator.ToString()) { & $add "-$($node.Operator.ToString().ToLower()) operator" $node } }
        'UnaryExpressionAst' { if ($v2Operators -contains $node.TokenKind.ToString()) { & $add "-$($node.TokenKind.ToString().ToLower()) operator" $node } }
        'InvokeMemberExpressionAst' {
            $member = [string]$node.Member
            if ($node.Static -and $member -eq 'new') { & $add '::new()' $node }
            if (-not $node.Static -and ($member -eq 'ForEach' -or $member -eq 'Where')) { & $add ".$member() method" $node }
        }
        'ConvertExpressionAst' { if ('ordered', 'pscustomobject' -contains $node.Type.TypeName.Name) { & $add "[$($node.Type.TypeName.Name)]" $node } }
        'StringConstantExpressionAst' { if ($node.StringConstantType -like '*HereString*') { & $add 'here-string' $node } }
        'ExpandableStringExpressionAst' { if ($node.StringConstantType -like '*HereString*') { & $add 'here-string' $node } }
        'ScriptBlockExpressionAst' { }
    }
}
foreach ($t in $tokens) {
    if ($t.Kind -eq 'Comment' -and $t.Text.StartsWith('<#')) { $newer.Add("block comment (line $($t.Extent.StartLineNumber))") }
    if ($t.Kind -eq 'Comment' -and $t.Text -match '^#requires') { $newer.Add("#requires (line $($t.Extent.StartLineNumber))") }
}
if ($null -ne $ast.ParamBlock -and $ast.ParamBlock.Attributes.Count -gt 0) { $newer.Add('script-level [CmdletBinding()]') }
$commands = @(foreach ($c in $ast.FindAll({ param($n) $n -is [System.Management.Automation.Language.CommandAst] }, $true)) {
        [ordered]@{
            name       = $c.GetCommandName()
            parameters = @(foreach ($e in $c.CommandElements) { if ($e -is [System.Management.Automation.Language.CommandParameterAst]) { $e.ParameterName } })
            line       = $c.Extent.StartLineNumber
        }
    })
$functions = @(foreach ($f in $ast.FindAll({ param($n) $n -is [System.Management.Automation.Language.FunctionDefinitionAst] }, $true)) { $f.Name })
ConvertTo-Json -Depth 5 -Compress -InputObject ([ordered]@{
        errors    = @(foreach ($e in $errors) { "$($e.Extent.StartLineNumber): $($e.Message)" })
        newer     = @($newer)
        commands  = $commands
        functions = $functions
    })
