<#
.SYNOPSIS
    Writes module/en-US/JwtAuth.dll-Help.xml from the compiled cmdlets of the staged module and the prose in
    tools/help/prose. Run after changing a cmdlet's parameters or its prose:
        dotnet pwsh ./tools/help/Build-Help.ps1          (after ./build.ps1 has staged out/JwtAuth)
    tests/Help.Tests.ps1 fails while the committed file and the cmdlets disagree.
#>
[CmdletBinding()]
param(
    [string] $ModulePath = [IO.Path]::Combine($PSScriptRoot, '..', '..', 'out', 'JwtAuth', 'JwtAuth.psd1'),
    [string] $OutFile = [IO.Path]::Combine($PSScriptRoot, '..', '..', 'module', 'en-US', 'JwtAuth.dll-Help.xml')
)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
Import-Module ([IO.Path]::Combine($PSScriptRoot, 'JwtAuthHelp.psm1')) -Force
Import-Module $ModulePath -Force
[IO.File]::WriteAllText([IO.Path]::GetFullPath($OutFile), (New-JwtAuthMaml), [System.Text.UTF8Encoding]::new($false))
Write-Host "Wrote $([IO.Path]::GetFullPath($OutFile)); build again to stage it."
