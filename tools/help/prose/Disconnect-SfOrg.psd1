@{
    Synopsis    = 'Forgets a Salesforce org''s stored auth, its aliases and its default marks.'
    Description = @(
        'Disconnect-SfOrg removes the auth of each named org (alias or username; wildcards allowed) from this user''s store and this process, together with all its aliases and default marks. It does not revoke the token at Salesforce.'
        'With -SfCli it also removes the org from the Salesforce CLI, as ''sf org logout'' does: its auth file, its aliases and default marks that point to it.'
        'As in Get-SfOrgAuth, a wildcard that matches no org removes nothing and writes nothing, while a name without wildcards that matches no org is an OrgAuthNotFound error (target: the name) whose recommended action is to list the orgs with Get-SfOrgAuth (and Get-SfOrgAuth -SfCli with -SfCli).'
        'While another process holds the store''s lock (or, with -SfCli, the CLI''s), Disconnect-SfOrg waits for it; Ctrl+C ends the wait at once and nothing is removed.'
    )
    Parameters  = @{
        Name = 'Aliases or usernames of the orgs to forget; wildcards allowed. Takes pipeline input by value and by property name (Username).'
        SfCli = 'Also removes the org from the Salesforce CLI.'
        WhatIf = 'Shows which orgs would be forgotten.'
        Confirm = 'Asks before forgetting each org.'
    }
    Defaults    = @{
    }
    Inputs      = @(
        @{ Type = 'System.String'; Description = 'Aliases or usernames.' }
        @{ Type = 'JwtAuth.SfOrgAuth'; Description = 'Objects with a Username property.' }
    )
    Outputs     = @(
        @{ Type = 'None'; Description = 'This cmdlet writes no objects.' }
    )
    Examples    = @(
        @{
            Title   = 'Admin prompt: forget a scratch org'
            Code    = 'Disconnect-SfOrg feature1'
            Remarks = 'Removes the auth stored under the alias feature1.'
        }
        @{
            Title   = 'Forget every expired scratch org'
            Code    = 'Get-SfOrgAuth | Where-Object OrgType -eq Scratch | Disconnect-SfOrg -Confirm:$false'
            Remarks = 'Pipes SfOrgAuth objects; Username binds to -Name.'
        }
        @{
            Title   = 'Log out of both JwtAuth and the Salesforce CLI'
            Code    = 'Disconnect-SfOrg HubOrg -SfCli -WhatIf'
            Remarks = 'Shows what would be removed, in both places.'
        }
    )
    Links       = @('Connect-SfOrgJwt', 'Get-SfOrgAuth', 'about_JwtAuth')
}
