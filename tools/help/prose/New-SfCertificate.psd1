@{
    Synopsis    = 'Creates the RSA private key and self-signed certificate that a Salesforce Connected App needs for the JWT bearer flow.'
    Description = @(
        'New-SfCertificate makes an RSA key (2048 bits unless -KeySize says 3072 or 4096) and a self-signed X.509 v3 certificate signed with SHA-256. It writes <BaseName>.key (the private key, readable by the current user only) and <BaseName>.crt (the PEM certificate) into -OutputDirectory, and <BaseName>.pfx too when -PfxPassword is given.'
        'Upload the .crt file in Salesforce Setup > App Manager > your Connected App > Edit > ''Use digital signatures''. Keep the .key file: Connect-SfOrgJwt signs with it. Existing files are never overwritten unless -Force is given, and a failure leaves no partial files behind.'
        'On Windows, -CertStoreLocation also imports the certificate and its key into Cert:\CurrentUser\My or Cert:\LocalMachine\My, so scheduled tasks can sign with Connect-SfOrgJwt -CertificateThumbprint.'
    )
    Parameters  = @{
        OutputDirectory = 'Folder for the files. Left out, the current PowerShell location; an empty string is refused rather than taken for it. Created if missing. Relative paths resolve against the PowerShell location. A path with a character no path may hold (NUL; on Windows also < > | and quotes) ends in an InvalidPath error that names it; a path on a drive that does not exist, in PathDriveNotFound; one on another provider (Env:), in PathNotFileSystem.'
        CommonName = 'The certificate subject''s CN, e.g. the Connected App''s name.'
        ValidDays = 'How many days the certificate is valid, from now (1 to 36500). Salesforce rejects assertions once the uploaded certificate has expired.'
        KeySize = 'RSA key size in bits: 2048, 3072 or 4096. Salesforce needs at least 2048.'
        BaseName = 'File name without extension for the .key, .crt and .pfx files.'
        KeyPassword = 'Encrypts the private key file (''BEGIN ENCRYPTED PRIVATE KEY'': PKCS#8 with AES-256 and PBKDF2). An encrypted key is always PKCS#8, so -KeyFormat Pkcs1 with -KeyPassword is refused (EncryptedPkcs1NotSupported); an empty password is refused (PasswordEmpty). Note that the Salesforce CLI cannot read encrypted keys.'
        PfxPassword = 'Also writes <BaseName>.pfx, protected with this password (for Windows certificate stores and Azure Key Vault). An empty password is refused (PasswordEmpty).'
        KeyFormat = 'Pkcs8 (''BEGIN PRIVATE KEY'', the default) or Pkcs1 (''BEGIN RSA PRIVATE KEY'', for older tools). Pkcs1 cannot be encrypted: with -KeyPassword, leave -KeyFormat at Pkcs8.'
        CertStoreLocation = 'Windows only: Cert:\CurrentUser\My or Cert:\LocalMachine\My. Imports the certificate with its key into that store.'
        Force = 'Overwrites existing files of the same names.'
        WhatIf = 'Shows which files would be written without writing them.'
        Confirm = 'Asks for confirmation before writing files.'
    }
    Defaults    = @{
        OutputDirectory = 'Current location'
    }
    Inputs      = @(
        @{ Type = 'None'; Description = 'This cmdlet takes no pipeline input.' }
    )
    Outputs     = @(
        @{ Type = 'JwtAuth.SfCertificate'; Description = 'Thumbprint, Subject, NotBefore, NotAfter, KeySize, KeyPath, CertificatePath, PfxPath and CertStorePath.' }
    )
    Examples    = @(
        @{
            Title   = 'Admin prompt: make the pair for a new Connected App'
            Code    = 'New-SfCertificate -OutputDirectory ~/sf-jwt -CommonName ''CI Dev Hub'''
            Remarks = 'Writes ~/sf-jwt/server.key and ~/sf-jwt/server.crt. Upload server.crt under ''Use digital signatures''.'
        }
        @{
            Title   = 'Preview, then replace an expiring certificate'
            Code    = @'
New-SfCertificate -OutputDirectory C:\jwt -ValidDays 730 -WhatIf
New-SfCertificate -OutputDirectory C:\jwt -ValidDays 730 -Force
'@
            Remarks = 'The first call lists the files it would write; the second overwrites them.'
        }
        @{
            Title   = 'Scheduled Windows automation: a certificate in the user''s store'
            Code    = @'
$pfxPassword = Read-Host -AsSecureString 'PFX password'
New-SfCertificate -OutputDirectory C:\jwt -PfxPassword $pfxPassword -CertStoreLocation Cert:\CurrentUser\My
'@
            Remarks = 'Run as the scheduled task''s account. The task then signs with Connect-SfOrgJwt -CertificateThumbprint <Thumbprint>.'
        }
        @{
            Title   = 'Azure DevOps: produce a key for a pipeline secret'
            Code    = @'
$cert = New-SfCertificate -OutputDirectory $env:AGENT_TEMPDIRECTORY
[Convert]::ToBase64String([IO.File]::ReadAllBytes($cert.KeyPath))
'@
            Remarks = 'Store the base64 text as a secret variable; Connect-SfOrgJwt -PrivateKey accepts it as is.'
        }
    )
    Links       = @('Connect-SfOrgJwt', 'about_JwtAuth')
}
