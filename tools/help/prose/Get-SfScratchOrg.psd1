@{
    Synopsis    = 'Lists a Dev Hub''s scratch orgs, with what Connect-SfOrgJwt needs to log in to each of them from any machine.'
    Description = @(
        'Get-SfScratchOrg reads the Dev Hub''s ScratchOrgInfo records (-DevHub, or the default Dev Hub): the Active ones, or with -All also the Error, Deleted and unfinished ones. Each SfScratchOrg has the SignupUsername, LoginUrl, org id, expiration, creator, the ScratchOrgInfo id, and whether the Dev Hub''s connected app can log in to it by JWT (CanConnectByJwt: its ConnectedAppConsumerKey is the Dev Hub''s client id; orgs made by a Dev Hub authorized in a browser carry PlatformCLI and cannot be; CannotConnectReason says why).'
        'Each object carries what Connect-SfOrgJwt binds by property name: Username, LoginUrl, Audience (https://test.salesforce.com), ClientId, and the Dev Hub''s KeyFile or CertificateThumbprint (only the one the hub signs with, and only when the hub''s app can log in to the org). So on a machine that has only the Dev Hub connected, Get-SfScratchOrg -DevHub HubOrg | Connect-SfOrgJwt logs in to all of them with no other argument; an org that cannot be logged in to by JWT gets its own error there (PlatformCliNotJwt, or MissingKeyFile for an org of another app or one that is not Active).'
        'Alias, InstanceUrl and an 18-character OrgId are filled in for orgs this machine has stored (IsStoredHere). The list is in natural order: orgs stored with an alias by that alias, then the others by username.'
        '-Username selects by username, with wildcards; a username without wildcards that the hub does not list is a ScratchOrgNotFound error. A Dev Hub that is not stored, or not a Dev Hub, is refused before any call.'
    )
    Parameters  = @{
        Username = 'The scratch org''s signup username; wildcards allowed.'
        DevHub = 'Alias or username of a connected Dev Hub. Without it, the default Dev Hub.'
        All = 'Also lists orgs that are not Active: Error, Deleted (expired or deleted) and still being created.'
        TimeoutSec = 'The bound for each request to Salesforce.'
    }
    Defaults    = @{
        Username = 'All'
        DevHub = 'The default Dev Hub'
        TimeoutSec = '30'
    }
    Inputs      = @(
        @{ Type = 'None'; Description = 'This cmdlet takes no pipeline input.' }
    )
    Outputs     = @(
        @{ Type = 'JwtAuth.SfScratchOrg'; Description = 'One per ScratchOrgInfo record.' }
    )
    Examples    = @(
        @{
            Title   = 'Another machine: connect every scratch org of the Dev Hub'
            Code    = @'
Connect-SfOrgJwt -ClientId $consumerKey -Username admin@acme-hub.com -KeyFile ~/sf-jwt/server.key -Alias HubOrg
Get-SfScratchOrg -DevHub HubOrg | Connect-SfOrgJwt -ThrottleLimit 16
'@
            Remarks = 'No username or login URL needed: the Dev Hub knows them, and its app and key log in to each org.'
        }
        @{
            Title   = 'Which orgs cannot be logged in to by JWT, and why'
            Code    = 'Get-SfScratchOrg | Where-Object { -not $_.CanConnectByJwt } | Format-Table Username, ClientId, CannotConnectReason'
            Remarks = 'Orgs created by a browser-authorized Dev Hub trust PlatformCLI, the Salesforce CLI''s own app.'
        }
        @{
            Title   = 'Orgs that expire today'
            Code    = 'Get-SfScratchOrg | Where-Object ExpirationDate -le (Get-Date).Date'
            Remarks = 'ExpirationDate is a date.'
        }
        @{
            Title   = 'Find an org again after Ctrl+C or a timeout'
            Code    = 'Get-SfScratchOrg -All | Where-Object ScratchOrgInfoId -eq 2SR5g000000abcdEAA'
            Remarks = 'New-SfScratchOrg names every org it requested by its ScratchOrgInfo id.'
        }
    )
    Links       = @('New-SfScratchOrg', 'Remove-SfScratchOrg', 'Connect-SfOrgJwt', 'about_JwtAuth')
}
