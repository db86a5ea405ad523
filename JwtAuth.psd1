@{
    RootModule           = 'JwtAuth.psm1'
    ModuleVersion        = '0.1.0'
    GUID                 = '3f9b6f0e-5c1a-4d8e-9a57-1b0c2e7d4a61'
    Author               = 'JwtAuth contributors'
    CompanyName          = 'JwtAuth'
    Copyright            = '(c) JwtAuth contributors. MIT License.'
    Description          = 'Signs in to Salesforce orgs without a browser or a password through the OAuth 2.0 JWT bearer flow: creates the key and certificate for a Connected App, connects Dev Hubs and scratch orgs (one or fifty at once), keeps their auths and hands scripts working access tokens. Works with the Salesforce CLI.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess     = @('JwtAuth.format.ps1xml')
    FunctionsToExport    = @()
    CmdletsToExport      = @('New-SfCertificate', 'Connect-SfOrgJwt', 'Get-SfOrgAuth', 'Disconnect-SfOrg', 'New-SfScratchOrg', 'Get-SfScratchOrg', 'Remove-SfScratchOrg')
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('Salesforce', 'JWT', 'OAuth', 'SFDX', 'Authentication', 'DevHub', 'ScratchOrg', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            LicenseUri   = 'https://opensource.org/licenses/MIT'
            ReleaseNotes = 'First release: New-SfCertificate, Connect-SfOrgJwt, Get-SfOrgAuth, Disconnect-SfOrg, and scratch orgs through the Dev Hub with New-SfScratchOrg, Get-SfScratchOrg, Remove-SfScratchOrg.'
        }
    }
}
