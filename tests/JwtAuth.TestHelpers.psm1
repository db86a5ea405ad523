# Shared by the Pester suites: where the staged module is, and a mock Salesforce in a child process.
Set-StrictMode -Version Latest

$script:RepoRoot = Split-Path -Parent $PSScriptRoot
$script:Configuration = if ($env:JWTAUTH_CONFIGURATION) { $env:JWTAUTH_CONFIGURATION } else { 'Release' }

function Get-StagedModulePath {
    $path = Join-Path $script:RepoRoot 'out/JwtAuth/JwtAuth.psd1'
    if (-not (Test-Path $path)) { throw "The module is not staged at $path. Run ./build.ps1 first." }
    $path
}

function Set-ProcessArguments {
    <# Puts -Arguments on a ProcessStartInfo one by one; .NET Framework (Windows PowerShell 5.1) has no ArgumentList, so there they are quoted by the Windows command-line rules. #>
    param([System.Diagnostics.ProcessStartInfo] $StartInfo, [object[]] $Arguments)
    if ($null -ne $StartInfo.PSObject.Properties['ArgumentList']) {
        foreach ($a in $Arguments) { $StartInfo.ArgumentList.Add([string]$a) }
        return
    }
    $StartInfo.Arguments = (@($Arguments) | ForEach-Object {
            $text = [string]$_
            if ($text -notmatch '[\s"]' -and $text -ne '') { $text }
            else { '"' + ([regex]::Replace($text, '(\\*)("|$)', { param($m) $m.Groups[1].Value * 2 + $(if ($m.Groups[2].Value) { '\"' } else { '' }) })) + '"' }
        }) -join ' '
}

function Get-MockSalesforceDll {
    $dll = Join-Path $script:RepoRoot "tests/MockSalesforce/bin/$script:Configuration/net10.0/MockSalesforce.dll"
    if (-not (Test-Path $dll)) { throw "MockSalesforce is not built at $dll. Run ./build.ps1 first." }
    $dll
}

function Start-MockSalesforce {
    <# Starts tests/MockSalesforce on 127.0.0.1 as a child process that exits by itself (lifetime, or when this process dies). #>
    param([int] $LifetimeSeconds = 900, [int] $LatencyMs = 0)
    $psi = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    Set-ProcessArguments $psi @((Get-MockSalesforceDll), '--lifetime-seconds', $LifetimeSeconds, '--latency-ms', $LatencyMs, '--parent-pid', $PID)
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardError = $true
    $psi.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($psi)
    $deadline = [DateTime]::UtcNow.AddSeconds(60)
    while ([DateTime]::UtcNow -lt $deadline) {
        $line = $process.StandardOutput.ReadLine()
        if ($null -eq $line) { break }
        if ($line -match 'listening on (http://127\.0\.0\.1:\d+)') {
            return [pscustomobject]@{ BaseUrl = $Matches[1]; Process = $process }
        }
    }
    $process.Kill()
    throw "MockSalesforce did not report its URL: $($process.StandardError.ReadToEnd())"
}

function Stop-MockSalesforce {
    param($Mock)
    if ($Mock -and -not $Mock.Process.HasExited) {
        try { Invoke-MockControl -Mock $Mock -Method Post -Path shutdown | Out-Null } catch { }
        if (-not $Mock.Process.WaitForExit(5000)) { $Mock.Process.Kill() }
    }
}

function Invoke-MockControl {
    param($Mock, [string] $Path, [string] $Method = 'Post', $Body)
    $params = @{ Uri = "$($Mock.BaseUrl)/__mock/$Path"; Method = $Method; ContentType = 'application/json' }
    if ($null -ne $Body) { $params.Body = ($Body | ConvertTo-Json -Depth 10) }
    Invoke-RestMethod @params
}

function New-TestScenario {
    <#
    Registers a connected app for the certificate at -CertificatePath, a Dev Hub with its admin,
    and -ScratchCount scratch orgs created from it (users pre-authorized; optionally replicating late).
    #>
    param($Mock, [string] $CertificatePath, [string] $ConsumerKey = ('3MVG9' + [guid]::NewGuid().ToString('N')),
        [int] $ScratchCount = 0, [double] $ReplicatesAfterSeconds = 0)
    $hubUser = "admin-$([guid]::NewGuid().ToString('N').Substring(0, 8))@hub.example.com"
    $orgs = @(@{ kind = 'DevHub'; name = 'Hub' })
    $users = @(@{ username = $hubUser; org = 'Hub'; preAuthorizedFor = @($ConsumerKey) })
    $scratchUsers = foreach ($i in 1..$ScratchCount) {
        if ($ScratchCount -eq 0) { break }
        $orgs += @{ kind = 'Scratch'; name = "Scratch$i"; devHub = 'Hub' }
        $u = "test-$i-$([guid]::NewGuid().ToString('N').Substring(0, 6))@example.com"
        $user = @{ username = $u; org = "Scratch$i"; preAuthorizedFor = @($ConsumerKey) }
        if ($ReplicatesAfterSeconds -gt 0) { $user.replicatesAfterSeconds = $ReplicatesAfterSeconds }
        $users += $user
        $u
    }
    Invoke-MockControl -Mock $Mock -Path setup -Body @{
        apps  = @(@{ consumerKey = $ConsumerKey; certificatePem = (Get-Content -Raw $CertificatePath) })
        orgs  = $orgs
        users = $users
    } | Out-Null
    [pscustomobject]@{ ConsumerKey = $ConsumerKey; HubUsername = $hubUser; ScratchUsernames = @($scratchUsers) }
}

function Get-PwshEngine {
    <#
    How to start the engine that runs this process: FilePath plus the Arguments that come before the
    engine's own. Installed as a dotnet tool, the process is dotnet running pwsh.dll, so the process path
    alone would start dotnet, not PowerShell. Windows PowerShell 5.1 and an apphost pwsh are their own exe.
    #>
    $processPath = [System.Diagnostics.Process]::GetCurrentProcess().MainModule.FileName
    $hostName = [System.IO.Path]::GetFileNameWithoutExtension($processPath)
    if ($hostName -eq 'dotnet') {
        $engineDll = [System.IO.Path]::Combine($PSHOME, 'pwsh.dll')
        if (-not [System.IO.File]::Exists($engineDll)) { throw "This PowerShell runs under dotnet but $engineDll does not exist." }
        return [pscustomobject]@{ FilePath = $processPath; Arguments = @($engineDll) }
    }
    [pscustomobject]@{ FilePath = $processPath; Arguments = @() }
}

function Start-ChildPwsh {
    <#
    Starts a script in a fresh pwsh process and returns at once (pair with Wait-ChildPwsh). Its output is
    read asynchronously from the start, so a child that writes much never blocks on a full pipe.
    #>
    param([string] $Script, [hashtable] $Environment = @{})
    $engine = Get-PwshEngine
    $psi = [System.Diagnostics.ProcessStartInfo]::new($engine.FilePath)
    Set-ProcessArguments $psi (@($engine.Arguments) + @('-NoProfile', '-NonInteractive', '-Command', $Script))
    foreach ($k in $Environment.Keys) { $psi.Environment[$k] = [string]$Environment[$k] }
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardError = $true
    $psi.UseShellExecute = $false
    $p = [System.Diagnostics.Process]::Start($psi)
    [pscustomobject]@{ Process = $p; Output = $p.StandardOutput.ReadToEndAsync(); Error = $p.StandardError.ReadToEndAsync() }
}

function Wait-ChildPwsh {
    <# Waits for a child from Start-ChildPwsh, at most -TimeoutSeconds (then kills it and throws); returns ExitCode, Output, Error. #>
    param($Child, [int] $TimeoutSeconds = 300)
    if (-not $Child.Process.WaitForExit($TimeoutSeconds * 1000)) {
        $Child.Process.Kill($true)
        throw "The child pwsh (pid $($Child.Process.Id)) did not finish within $TimeoutSeconds s."
    }
    $Child.Process.WaitForExit()
    [pscustomobject]@{ ExitCode = $Child.Process.ExitCode; Output = $Child.Output.GetAwaiter().GetResult(); Error = $Child.Error.GetAwaiter().GetResult() }
}

function Invoke-ChildPwsh {
    <# Runs a script in a fresh pwsh process (persistence and isolation tests); returns its output lines. #>
    param([string] $Script, [hashtable] $Environment = @{}, [int] $TimeoutSeconds = 300)
    Wait-ChildPwsh -Child (Start-ChildPwsh -Script $Script -Environment $Environment) -TimeoutSeconds $TimeoutSeconds
}

function Wait-Until {
    <# Polls -Condition until it returns true; throws naming -What after -TimeoutSeconds. #>
    param([scriptblock] $Condition, [int] $TimeoutSeconds = 120, [string] $What = 'the condition')
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    while (-not (& $Condition)) {
        if ([DateTime]::UtcNow -gt $deadline) { throw "Timed out after $TimeoutSeconds s waiting for $What." }
        Start-Sleep -Milliseconds 200
    }
}

function Get-FolderFingerprint {
    <# Every file under -Path (relative path -> SHA-256 of its bytes), to show that an operation changed nothing. #>
    param([string] $Path)
    $map = [ordered]@{}
    Get-ChildItem -LiteralPath $Path -Recurse -File -Force | Sort-Object FullName | ForEach-Object {
        $map[[IO.Path]::GetRelativePath($Path, $_.FullName)] = (Get-FileHash -LiteralPath $_.FullName -Algorithm SHA256).Hash
    }
    $map
}

function Get-UnixMode {
    <# The permission bits of a file or folder as an octal string, e.g. '600'. #>
    param([string] $Path)
    [Convert]::ToString([int][IO.File]::GetUnixFileMode($Path), 8)
}

function Write-SfCliAuthFile {
    <# Writes ~/.sfdx/<username>.json under -HomePath as the Salesforce CLI would (2-space JSON of -Fields). #>
    param([string] $HomePath, [hashtable] $Fields)
    $folder = Join-Path $HomePath '.sfdx'
    New-Item -ItemType Directory -Force $folder | Out-Null
    $path = Join-Path $folder "$($Fields.username).json"
    [IO.File]::WriteAllText($path, ($Fields | ConvertTo-Json -Depth 5))
    $path
}

function Set-SfCliAliasFile {
    <# Writes ~/.sfdx/alias.json under -HomePath: {"orgs":{alias: username}}. #>
    param([string] $HomePath, [hashtable] $Aliases)
    $folder = Join-Path $HomePath '.sfdx'
    New-Item -ItemType Directory -Force $folder | Out-Null
    [IO.File]::WriteAllText((Join-Path $folder 'alias.json'), (@{ orgs = $Aliases } | ConvertTo-Json -Depth 5))
}

function Read-JsonFile {
    <# The parsed JSON of a file, or $null when it does not exist. #>
    param([string] $Path)
    if (-not (Test-Path -LiteralPath $Path)) { return $null }
    Get-Content -Raw -LiteralPath $Path | ConvertFrom-Json
}

function New-ImpostorAssembly {
    <# Saves and loads (into the default load context) an assembly with a real name and version: another module's copy of a shared dependency. Needs .NET 9+. #>
    param([string] $Path, [string] $Name, [string] $Version)
    New-Item -ItemType Directory (Split-Path $Path) -Force | Out-Null
    $builder = [System.Reflection.Emit.PersistedAssemblyBuilder]::new([System.Reflection.AssemblyName]::new("$Name, Version=$Version"), [object].Assembly)
    $type = $builder.DefineDynamicModule($Name).DefineType("$Name.Impostor", [System.Reflection.TypeAttributes]::Public)
    $null = $type.CreateType()
    $builder.Save($Path)
    [System.Reflection.Assembly]::LoadFrom($Path)
}

Export-ModuleMember -Function *
