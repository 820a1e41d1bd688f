# JSON in and out of the bridge. Parsing uses System.Text.Json directly: ConvertFrom-Json would turn
# date-like strings (a batch named "2026-01-01T00:00:00Z") into DateTime values.

function ConvertFrom-BridgeJsonElement {
    param([System.Text.Json.JsonElement]$Element)
    switch ($Element.ValueKind.ToString()) {
        'Object' {
            $table = [ordered]@{}
            foreach ($p in $Element.EnumerateObject()) { $table[$p.Name] = ConvertFrom-BridgeJsonElement $p.Value }
            return $table
        }
        'Array' {
            $list = [System.Collections.Generic.List[object]]::new()
            foreach ($item in $Element.EnumerateArray()) { $list.Add((ConvertFrom-BridgeJsonElement $item)) }
            return , $list.ToArray()
        }
        'String' { return $Element.GetString() }
        'Number' {
            $long = 0L
            if ($Element.TryGetInt64([ref]$long)) {
                if ($long -ge [int]::MinValue -and $long -le [int]::MaxValue) { return [int]$long }
                return $long
            }
            return $Element.GetDouble()
        }
        'True' { return $true }
        'False' { return $false }
        default { return $null }
    }
}

function ConvertFrom-BridgeJson {
    param([string]$Text)
    $doc = [System.Text.Json.JsonDocument]::Parse($Text, [System.Text.Json.JsonDocumentOptions]::new())
    try { return ConvertFrom-BridgeJsonElement $doc.RootElement } finally { $doc.Dispose() }
}

function ConvertTo-BridgeJson {
    param($Value)
    # Values are already projected to strings, numbers, booleans, arrays and hashtables.
    return ConvertTo-Json -InputObject $Value -Compress -Depth 10
}

function ConvertTo-BridgeSecureString {
    param([string]$Text)
    $secure = [System.Security.SecureString]::new()
    foreach ($ch in $Text.ToCharArray()) { $secure.AppendChar($ch) }
    $secure.MakeReadOnly()
    return $secure
}
