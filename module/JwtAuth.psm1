# Loader: imports the binary module built for this edition of PowerShell.
# Windows PowerShell 5.1 (.NET Framework) takes Desktop/, PowerShell 7.4+ takes Core/.
Set-StrictMode -Version Latest

$editionFolder = if ($PSVersionTable.PSEdition -eq 'Core') { 'Core' } else { 'Desktop' }
if ($editionFolder -eq 'Core' -and $PSVersionTable.PSVersion -lt [version]'7.4') {
    throw "JwtAuth needs PowerShell 7.4 or newer (this is $($PSVersionTable.PSVersion)), or Windows PowerShell 5.1."
}

$binaryModulePath = Join-Path (Join-Path $PSScriptRoot $editionFolder) 'JwtAuth.dll'
$binaryModule = Import-Module -Name $binaryModulePath -PassThru -ErrorAction Stop

# Removing JwtAuth also removes the nested binary module it loaded.
$ExecutionContext.SessionState.Module.OnRemove = {
    Remove-Module -ModuleInfo $binaryModule -ErrorAction SilentlyContinue
}.GetNewClosure()
