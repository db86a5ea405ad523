@{
    Synopsis    = 'Lists authorized Salesforce orgs and hands scripts a working access token.'
    Description = @(
        'Without parameters, Get-SfOrgAuth lists every stored auth (this user''s and this process''s) as a view, without network calls. The list is in natural order: orgs with an alias by that alias (scratch2 before scratch10), then orgs without one by username.'
        'Asked for particular orgs (-Name, -DefaultOrg or -DefaultDevHub), it returns a working token: the stored one while Salesforce accepts it, else a fresh one minted with the stored consumer key and key reference. -Refresh always mints a fresh token. An auth connected with -PrivateKey text has no key reference and cannot be renewed: connect again.'
        'Names and the default switches are separate parameter sets: Get-SfOrgAuth feature1 -DefaultDevHub is refused by the parameter binder. A literal name that matches no org is an OrgAuthNotFound error; a wildcard that matches none writes nothing. -DefaultOrg or -DefaultDevHub with no default set is a NoDefaultOrg or NoDefaultDevHub error that names the Connect-SfOrgJwt switch that sets it.'
        'An org can have several aliases (each Connect-SfOrgJwt -Alias adds one; an alias given to another org moves there): Aliases lists them in the order they were set, and Alias is the one set last.'
        'AccessToken is a SecureString unless -AsPlainText is given, so (Get-SfOrgAuth HubOrg -AsPlainText).AccessToken works in Windows PowerShell 5.1 and PowerShell 7. The output type says which: JwtAuth.SfOrgAuth (SecureString) or JwtAuth.SfOrgAuthPlainText (string).'
        'A renewal takes the org''s renewal lock and never waits for a new user to replicate while holding it: a refused login fails at once (Connect-SfOrgJwt is the one that waits). Ctrl+C ends a wait for a lock. A failed renewal is the error, not repeated in the verbose stream. When the stored key file has moved, the error''s recommended action is Connect-SfOrgJwt -Username <username> -KeyFile <new path>.'
        '-SfCli lists the orgs the Salesforce CLI knows instead (without tokens), marked with how the CLI authorized them; pipe them to Connect-SfOrgJwt to import the JWT-authorized ones.'
    )
    Parameters  = @{
        Name = 'Aliases or usernames; wildcards allowed. Without it, all orgs are listed. A name without wildcards that matches no org is an OrgAuthNotFound error.'
        DefaultOrg = 'Only the default org (set with Connect-SfOrgJwt -SetDefault); NoDefaultOrg when none is set.'
        DefaultDevHub = 'Only the default Dev Hub (set with Connect-SfOrgJwt -SetDefaultDevHub); NoDefaultDevHub when none is set.'
        Refresh = 'Mints a fresh token for each selected org with its stored key reference.'
        AsPlainText = 'Returns AccessToken as a plain string instead of a SecureString.'
        KeyPassword = 'Password of the stored key file when it is an encrypted PEM key or a PFX; needed only when a token is renewed. JwtAuth never stores key passwords. When a renewal loads a key that is not encrypted, the renewal goes ahead and writes a warning that the password was not needed.'
        SfCli = 'Lists the orgs the Salesforce CLI knows, from its auth files and aliases.'
    }
    Defaults    = @{
        Name = 'All'
    }
    Inputs      = @(
        @{ Type = 'System.String'; Description = 'Aliases or usernames.' }
        @{ Type = 'JwtAuth.SfOrgAuth'; Description = 'Objects with a Username property.' }
    )
    Outputs     = @(
        @{ Type = 'JwtAuth.SfOrgAuth'; Description = 'One per org, without its token in the views. Alias is the alias set last, Aliases all of them in the order they were set. AccessToken is a SecureString.' }
        @{ Type = 'JwtAuth.SfOrgAuthPlainText'; Description = 'With -AsPlainText: the same, with AccessToken as a string.' }
    )
    Examples    = @(
        @{
            Title   = 'Admin prompt: list the orgs'
            Code    = 'Get-SfOrgAuth'
            Remarks = 'Shows alias, username, org type, org id, instance and default marks. No token is shown.'
        }
        @{
            Title   = 'A token for a REST call'
            Code    = @'
$auth = Get-SfOrgAuth HubOrg -AsPlainText
Invoke-RestMethod "$($auth.InstanceUrl)/services/data/v62.0/limits" -Headers @{ Authorization = "Bearer $($auth.AccessToken)" }
'@
            Remarks = 'The token is renewed first if Salesforce no longer accepts it.'
        }
        @{
            Title   = 'Azure DevOps: the default org''s token for a later step'
            Code    = @'
$auth = Get-SfOrgAuth -DefaultOrg -AsPlainText
Write-Host "##vso[task.setvariable variable=SF_TOKEN;issecret=true]$($auth.AccessToken)"
'@
            Remarks = 'Marks the variable secret so the agent masks it in logs.'
        }
        @{
            Title   = 'Scheduled task: renew every stored scratch org'
            Code    = 'Get-SfOrgAuth | Where-Object OrgType -eq Scratch | Get-SfOrgAuth -Refresh'
            Remarks = 'Each org gets a fresh token from its stored key reference.'
        }
        @{
            Title   = 'Import the Salesforce CLI''s JWT orgs'
            Code    = 'Get-SfOrgAuth -SfCli | Where-Object AuthMethod -eq Jwt | Connect-SfOrgJwt'
            Remarks = 'Orgs the CLI authorized by web login cannot be imported this way; their Note says why.'
        }
    )
    Links       = @('Connect-SfOrgJwt', 'Disconnect-SfOrg', 'about_JwtAuth')
}
