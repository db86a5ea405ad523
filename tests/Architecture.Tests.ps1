# ARCHITECTURE.md names files, folders and types for a reader to open: each must exist, or the document has gone
# stale. What is checked is what it writes in backticks:
#   - a path (it has a '/', or ends in a source file's extension): from the repository root, or, as the document says,
#     from src/JwtAuth.Core/ or src/JwtAuth/; a bare file name must be some file's name in the repository;
#   - a type, or Type.Member: a class, enum, interface or struct declared in src/, whose declaring file holds each member;
#   - any other PascalCase word (an error id, a property): a word in src/.
# Not checked: spans with spaces or placeholders (<name>, {loginUrl}, $PSEdition), URLs, parameters (-Scope), lower-case
# names of files the module writes at run time (settings.json), and paths under out/ (what the build stages).

BeforeDiscovery {
    $root = [IO.Path]::GetFullPath((Join-Path $PSScriptRoot '..'))
    $lines = [IO.File]::ReadAllLines((Join-Path $root 'ARCHITECTURE.md'))
    $inFence = $false
    $spans = foreach ($line in $lines) {
        if ($line.StartsWith('```')) { $inFence = -not $inFence; continue }
        if ($inFence) { continue }
        foreach ($m in [regex]::Matches($line, '`([^`]+)`')) { $m.Groups[1].Value }
    }
    $spans = @($spans | Select-Object -Unique)
    $skipped = '[\s<>{}$*~@:()=#,]|^-|^out/'
    $sourceFile = '\.(cs|ps1|psm1|psd1|ps1xml|md|targets|csproj|sh|yml|props|sln)$'
    $script:Paths = @($spans | Where-Object { $_ -notmatch $skipped -and ($_.Contains('/') -or $_ -match $sourceFile) })
    $script:Names = @($spans | Where-Object { $_ -notmatch $skipped -and $_ -cmatch '^[A-Z][A-Za-z0-9]*(\.[A-Z][A-Za-z0-9]*)*$' -and $_ -notmatch $sourceFile })
}

BeforeAll {
    $script:Root = [IO.Path]::GetFullPath((Join-Path $PSScriptRoot '..'))
    $script:PathRoots = @('', 'src/JwtAuth.Core/', 'src/JwtAuth/')
    # Every word of the sources, and for each declared type the words of the files declaring it (partial types have several).
    $script:Words = [Collections.Generic.HashSet[string]]::new([StringComparer]::Ordinal)
    $script:Declared = @{}
    foreach ($file in Get-ChildItem -LiteralPath (Join-Path $script:Root 'src') -Recurse -Filter *.cs) {
        if ($file.FullName -match '[\\/](bin|obj)[\\/]') { continue }
        $text = [IO.File]::ReadAllText($file.FullName)
        $fileWords = [Collections.Generic.HashSet[string]]::new([StringComparer]::Ordinal)
        foreach ($m in [regex]::Matches($text, '\b[A-Za-z_][A-Za-z0-9_]*\b')) { [void]$fileWords.Add($m.Value) }
        $script:Words.UnionWith($fileWords)
        foreach ($m in [regex]::Matches($text, '\b(?:class|enum|interface|struct)\s+([A-Za-z_][A-Za-z0-9_]*)')) {
            $type = $m.Groups[1].Value
            if (-not $script:Declared.ContainsKey($type)) { $script:Declared[$type] = [Collections.Generic.HashSet[string]]::new([StringComparer]::Ordinal) }
            $script:Declared[$type].UnionWith($fileWords)
        }
    }

    function Test-NamedPath([string] $Path) {
        if (-not $Path.Contains('/')) {
            $folders = @('src', 'tests', 'tools', 'module', 'bench', 'docs') | ForEach-Object { Join-Path $script:Root $_ }
            return (Test-Path -LiteralPath (Join-Path $script:Root $Path)) -or
                [bool](Get-ChildItem -LiteralPath $folders -Recurse -File -Filter $Path | Where-Object FullName -notmatch '[\\/](bin|obj)[\\/]' | Select-Object -First 1)
        }
        foreach ($prefix in $script:PathRoots) {
            $candidate = Join-Path $script:Root ($prefix + $Path)
            if ($Path.EndsWith('/')) { if (Test-Path -LiteralPath $candidate -PathType Container) { return $true } }
            elseif (Test-Path -LiteralPath $candidate -PathType Leaf) { return $true }
        }
        $false
    }

    function Test-NamedCode([string] $Name) {
        $segments = $Name.Split('.')
        $declaring = $script:Declared[$segments[0]]
        if ($null -eq $declaring) { return $segments.Count -eq 1 -and $script:Words.Contains($Name) }
        foreach ($member in $segments | Select-Object -Skip 1) {
            if (-not $declaring.Contains($member)) { return $false }
        }
        $true
    }
}

Describe 'ARCHITECTURE.md' {
    It 'names many paths and types (the extraction found them)' -ForEach @(@{ PathCount = $script:Paths.Count; NameCount = $script:Names.Count }) {
        $PathCount | Should -BeGreaterThan 100
        $NameCount | Should -BeGreaterThan 100
    }

    It 'names only files and folders that exist' -ForEach @(@{ Paths = $script:Paths }) {
        $missing = @($Paths | Where-Object { -not (Test-NamedPath $_) })
        $missing | Should -BeNullOrEmpty -Because 'ARCHITECTURE.md must name only files and folders that exist: correct it where one moved'
    }

    It 'names only types, members and ids that the source declares' -ForEach @(@{ Names = $script:Names }) {
        $missing = @($Names | Where-Object { -not (Test-NamedCode $_) })
        $missing | Should -BeNullOrEmpty -Because 'ARCHITECTURE.md must name only types, members and ids that exist in src/: correct it where one was renamed'
    }
}
