# Loader: imports the binary module built for this edition; $PSEdition names its folder (Desktop/ for Windows
# PowerShell 5.1, Core/ for PowerShell 7.4+). A fresh engine JIT-compiles each script feature the first time it
# meets it, so this stays one cmdlet and plain strings: Join-Path would auto-load Microsoft.PowerShell.Management,
# and a .NET method call or a version check costs more than the import itself. Even an unused catch block is
# compiled, so it only says what the module runs on.
try {
    Import-Module -Name "$PSScriptRoot/$PSEdition/JwtAuth.dll" -ErrorAction Stop
}
catch {
    throw "JwtAuth runs on Windows PowerShell 5.1 and PowerShell 7.4 or newer, and its $PSEdition/JwtAuth.dll did not load: $_"
}
