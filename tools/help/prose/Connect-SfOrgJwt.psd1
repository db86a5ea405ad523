@{
    Synopsis    = 'Signs in to one or many Salesforce orgs through the OAuth 2.0 JWT bearer flow, without a browser or a password.'
    Description = @(
        'Connect-SfOrgJwt signs a JWT assertion (RS256; iss = the Connected App''s consumer key, sub = the username, aud = the login or test audience, exp = 3 minutes) with your private key and posts it to <LoginUrl>/services/oauth2/token. The assertion goes only to that URL. It then asks the org for its details concurrently, so the result says whether the org is a Dev Hub, production, sandbox or scratch org, and stores the auth (the token protected at rest) for Get-SfOrgAuth.'
        'Pipe usernames or objects with Username, ClientId, LoginUrl (or InstanceUrl), KeyFile and Alias properties to authorize many orgs at once: up to -ThrottleLimit exchanges run concurrently over one connection pool, the key is loaded once, and each result is written as soon as its org completes (output order is completion order). One piped org''s failure is a non-terminating error; the others go on. An object without a Username property is refused (InputObjectHasNoUsername, naming the properties it has) before anything is sent.'
        'One org named on the command line (nothing piped) that cannot be connected ends in a terminating error, as Connect-AzAccount and Connect-MgGraph do: try/catch catches it without -ErrorAction Stop, and nothing is written to the pipeline. In a script run with pwsh -File, a terminating error stops only its statement: set $ErrorActionPreference = ''Stop'' so that a failed login stops the script with a non-zero exit code.'
        '-Alias, -SetDefault and -SetDefaultDevHub name one org: given on the command line while more than one org is piped in, they are refused before any login (PerOrgOptionForManyOrgs); give each row its own Alias column instead. Rows of one input that ask for the same alias or the same username are refused too (DuplicateAlias, DuplicateUsername), because which one won would depend on which login finished last. Each written object describes what was stored: its aliases and default marks as the store has them after the save. -SetDefaultDevHub for an org that is not a Dev Hub is refused after the login (NotADevHub) and nothing is stored for it.'
        'A bulk run that ends early (Ctrl+C, a terminating error under -ErrorAction Stop, or Select-Object -First n downstream) stops all of its work before the command returns: logins in flight are cancelled and nothing is stored or registered with the Salesforce CLI afterwards. An org stored while the run was ending is still written, or, when the pipeline no longer takes output, named in a warning.'
        'Connect-SfOrgJwt supports -WhatIf and -Confirm (ConfirmImpact Low: it adds or refreshes an auth and its marks). Each org is asked about before anything is sent for it, so -WhatIf sends nothing to Salesforce and writes nothing.'
        'Scratch orgs created from a Dev Hub use the Dev Hub''s Connected App and key: pass the scratch org''s My Domain URL (https://<name>.scratch.my.salesforce.com) or https://test.salesforce.com as -LoginUrl. Right after creation Salesforce answers ''user hasn''t approved this consumer'' until the scratch user has replicated; for sandbox and scratch targets Connect-SfOrgJwt retries that case with backoff for up to -RetryTimeoutSec seconds (300 by default), reporting each wait in the verbose stream and, for a single org, in a progress bar that shows the time waited of that bound.'
        'Transport failures (connection errors, HTTP 5xx, 429) are retried a bounded number of times with backoff. Errors name the fix: which Connected App setting, which URL, which key.'
    )
    Parameters  = @{
        ClientId = 'The Connected App''s consumer key (Setup > App Manager > the app > View > Manage Consumer Details).'
        Username = 'The Salesforce username to sign in as (sub). Takes pipeline input by value and by property name. Tab completion offers the stored usernames.'
        KeyFile = 'Private key file: PEM (PKCS#1, PKCS#8, encrypted PKCS#8 with -KeyPassword) or PFX/P12. Relative paths resolve against the PowerShell location. The path is stored so tokens can be renewed later. A path on a drive that does not exist is a PathDriveNotFound error, and one on another provider (Env:, Cert:) PathNotFileSystem; piped, either fails that org alone.'
        PrivateKey = 'The private key as text: PEM, or PEM encoded as base64 on one line (pipeline secrets). CRLF, surrounding whitespace, a BOM and escaped newlines are tolerated. Auths made this way are not renewable without connecting again.'
        CertificateThumbprint = 'Thumbprint of a certificate with a private key in Cert:\CurrentUser\My, then Cert:\LocalMachine\My. Also read from a piped object (Get-SfScratchOrg, Get-SfOrgAuth, a CSV row) that has no KeyFile value; a hand-made object or CSV needs a KeyFile property as well, empty on the rows that sign by thumbprint, or PowerShell''s binder stops at the missing key file.'
        Certificate = 'A certificate object that has its private key.'
        KeyPassword = 'Password of an encrypted PEM key or of a PFX file. Given for a key that is not encrypted, it is not needed: the connect goes ahead and writes a warning saying so.'
        LoginUrl = 'Where to post the assertion: https://login.salesforce.com (default; production and Dev Hub orgs), https://test.salesforce.com (sandboxes, scratch orgs), or the org''s My Domain URL. Alias: InstanceUrl. Lightning (*.lightning.force.com) URLs are refused with the matching my.salesforce.com URL. Tab completion offers the login and test hosts and the My Domain URLs of stored orgs.'
        Audience = 'Overrides the assertion''s aud. By default https://test.salesforce.com for sandbox and scratch hosts, else https://login.salesforce.com. Tab completion offers those two.'
        Alias = 'A short name for the org. An alias names one org: giving it to another org moves it. For many piped orgs, give each its own Alias property (column) instead: -Alias on the command line is refused when more than one org is piped in.'
        SetDefault = 'Makes this org the default org (Get-SfOrgAuth -DefaultOrg). For one org only: refused when more than one org is piped in.'
        SetDefaultDevHub = 'Makes this org the default Dev Hub (Get-SfOrgAuth -DefaultDevHub). Refused (NotADevHub) for an org that is not a Dev Hub, and when more than one org is piped in.'
        Scope = 'CurrentUser (default) stores the auth for later sessions; Process keeps it in this PowerShell process only, for CI agents. (SfCli, the scope of the Salesforce CLI''s orgs in listings, is not accepted here.)'
        RetryTimeoutSec = 'How long to keep retrying ''user hasn''t approved this consumer'' (a new scratch org''s user not yet replicated). 300 for sandbox and scratch targets, 0 for production unless given.'
        ThrottleLimit = 'How many token exchanges run at once for pipeline input (1 to 64). Each org''s follow-up detail calls overlap the next exchanges, up to twice this number.'
        TimeoutSec = 'Timeout of each HTTP request in seconds.'
        SfCli = 'Also registers the org with the Salesforce CLI (sf), as ''sf org login jwt'' would, with no secret written: needs an unencrypted PEM -KeyFile that sf can read later.'
        WhatIf = 'Shows which orgs would be signed in to, stored, marked and registered, without sending anything or writing any file.'
        Confirm = 'Asks before signing in to each org.'
    }
    Defaults    = @{
        Audience = 'Derived from LoginUrl'
        RetryTimeoutSec = '300 or 0'
    }
    Inputs      = @(
        @{ Type = 'System.String'; Description = 'A username.' }
        @{ Type = 'Objects with Username, ClientId, LoginUrl/InstanceUrl, KeyFile and Alias properties'; Description = 'For example rows of Import-Csv, or Get-SfOrgAuth -SfCli output.' }
    )
    Outputs     = @(
        @{ Type = 'JwtAuth.SfOrgAuth'; Description = 'One per org. The default view shows no token.' }
    )
    Examples    = @(
        @{
            Title   = 'Admin prompt: connect a Dev Hub and make it the default'
            Code    = 'Connect-SfOrgJwt -ClientId $consumerKey -Username admin@acme-hub.com -KeyFile ~/sf-jwt/server.key -Alias HubOrg -SetDefaultDevHub'
            Remarks = 'Signs in to the Dev Hub at https://login.salesforce.com and stores the auth.'
        }
        @{
            Title   = 'Connect a scratch org through the Dev Hub''s Connected App'
            Code    = 'Connect-SfOrgJwt -ClientId $consumerKey -Username test-abc@example.com -KeyFile ~/sf-jwt/server.key -LoginUrl https://site-power-1234.scratch.my.salesforce.com -Alias feature1 -Verbose'
            Remarks = 'Uses the Dev Hub''s consumer key and key file. Verbose output shows each wait while the new scratch user replicates.'
        }
        @{
            Title   = 'Fifty scratch orgs at once'
            Code    = 'Import-Csv scratch-orgs.csv | Connect-SfOrgJwt -ClientId $consumerKey -KeyFile ./server.key -ThrottleLimit 16'
            Remarks = 'The CSV has Username, LoginUrl and Alias columns: each row carries its own alias (-Alias on the command line would be refused for many orgs). Each org is written as it completes; failures are non-terminating errors.'
        }
        @{
            Title   = 'See what a bulk connect would do'
            Code    = 'Import-Csv scratch-orgs.csv | Connect-SfOrgJwt -ClientId $consumerKey -KeyFile ./server.key -WhatIf'
            Remarks = 'Lists each org, where it would sign in and what it would store; nothing is sent to Salesforce and no file is written.'
        }
        @{
            Title   = 'Azure DevOps PowerShell task'
            Code    = @'
$ErrorActionPreference = 'Stop'
Connect-SfOrgJwt -ClientId $env:SF_CONSUMER_KEY -Username $env:SF_USERNAME -PrivateKey $env:SF_JWT_KEY -Scope Process -SetDefault
$token = (Get-SfOrgAuth -DefaultOrg -AsPlainText).AccessToken
'@
            Remarks = 'Map the secret variable SF_JWT_KEY into the task''s environment. -Scope Process keeps nothing on the agent after the job. $ErrorActionPreference = ''Stop'' makes a failed login fail the task: a script file otherwise goes on after a terminating error and exits 0.'
        }
        @{
            Title   = 'Scheduled Windows task signing with a certificate in the store'
            Code    = @'
$ErrorActionPreference = 'Stop'
Connect-SfOrgJwt -ClientId $consumerKey -Username integration@acme.com -CertificateThumbprint 3F2A...9C -Alias Prod
'@
            Remarks = 'The task''s account holds the certificate and key in Cert:\CurrentUser\My; nothing secret sits in the script. With $ErrorActionPreference = ''Stop'' a failed login ends the task with a non-zero exit code, so the scheduler shows it failed.'
        }
        @{
            Title   = 'Share the login with the Salesforce CLI'
            Code    = @'
Connect-SfOrgJwt -ClientId $consumerKey -Username admin@acme-hub.com -KeyFile ~/sf-jwt/server.key -Alias HubOrg -SetDefaultDevHub -SfCli
sf org create scratch -f config/project-scratch-def.json -a feature1
'@
            Remarks = 'sf finds the org under the same alias and renews its own token through the JWT flow.'
        }
    )
    Links       = @('Get-SfOrgAuth', 'New-SfCertificate', 'Disconnect-SfOrg', 'about_JwtAuth')
}
