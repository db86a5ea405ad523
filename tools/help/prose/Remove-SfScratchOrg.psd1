@{
    Synopsis    = 'Deletes scratch orgs at their Dev Hub and forgets their stored auths, aliases and default marks.'
    Description = @(
        'Remove-SfScratchOrg finds the org''s ActiveScratchOrg record by its SignupUsername on the Dev Hub, deletes it (which ends the org at Salesforce), and forgets the org''s auth, aliases and default marks in this user''s store and this process; with -SfCli also in the Salesforce CLI.'
        'The Dev Hub is -DevHub, else the one the org was created from (stored with the org by New-SfScratchOrg), else the default Dev Hub. -Name is the org''s stored alias or its username; a stored org that is not a scratch org is refused (NotAScratchOrg: use Disconnect-SfOrg), and a name that is neither a stored alias nor a username is a ScratchOrgNotFound error.'
        'An org that already expired or was deleted has no ActiveScratchOrg record: that is a warning, and its local auth is still forgotten. A Dev Hub user who may not delete scratch orgs (INVALID_TYPE or INSUFFICIENT_ACCESS_OR_READONLY) gets a ScratchOrgDeleteNotPermitted error and the org and its auth stay.'
        'Each org is confirmed first (ConfirmImpact High): pass -Confirm:$false in scripts. -WhatIf shows what would be deleted and deletes nothing. Objects piped from Get-SfScratchOrg and New-SfScratchOrg bind Username and DevHub; objects from Get-SfOrgAuth bind Username. A named org that fails ends the command; with pipeline input each org''s failure is its own error and the others go on.'
    )
    Parameters  = @{
        Name = 'The org''s stored alias or its username. Takes pipeline input by value and by property name (Username).'
        DevHub = 'Alias or username of the connected Dev Hub the org belongs to. Without it, the Dev Hub stored with the org, else the default Dev Hub. Takes pipeline input by property name (SfScratchOrg.DevHub).'
        SfCli = 'Also removes the org from the Salesforce CLI (its auth file, aliases and default marks).'
        TimeoutSec = 'The bound for each request to Salesforce.'
        WhatIf = 'Shows which orgs would be deleted and forgotten, and changes nothing.'
        Confirm = 'Asks before deleting each org (the default: ConfirmImpact is High).'
    }
    Defaults    = @{
        DevHub = 'The Dev Hub stored with the org, else the default Dev Hub'
        TimeoutSec = '30'
    }
    Inputs      = @(
        @{ Type = 'System.String'; Description = 'Aliases or usernames.' }
        @{ Type = 'JwtAuth.SfScratchOrg'; Description = 'Objects from Get-SfScratchOrg or New-SfScratchOrg (Username, DevHub).' }
        @{ Type = 'JwtAuth.SfOrgAuth'; Description = 'Objects from Get-SfOrgAuth (Username).' }
    )
    Outputs     = @(
        @{ Type = 'None'; Description = 'This cmdlet writes no objects.' }
    )
    Examples    = @(
        @{
            Title   = 'Delete one org'
            Code    = 'Remove-SfScratchOrg feature1'
            Remarks = 'Asks for confirmation, deletes it in the Dev Hub it came from and forgets the alias feature1.'
        }
        @{
            Title   = 'The end of the morning: delete all the Dev Hub''s orgs'
            Code    = 'Get-SfScratchOrg -DevHub HubOrg | Remove-SfScratchOrg -Confirm:$false'
            Remarks = 'Works on any machine that has the Dev Hub connected, whether or not it stored the orgs.'
        }
        @{
            Title   = 'See what would go'
            Code    = 'Get-SfOrgAuth | Where-Object OrgType -eq Scratch | Remove-SfScratchOrg -WhatIf'
            Remarks = 'Lists each org that would be deleted and forgotten; nothing changes.'
        }
        @{
            Title   = 'Also log the Salesforce CLI out of it'
            Code    = 'Remove-SfScratchOrg test-abc@example.com -DevHub HubOrg -SfCli -Confirm:$false'
            Remarks = 'Removes the CLI''s auth file and aliases for the org too.'
        }
    )
    Links       = @('New-SfScratchOrg', 'Get-SfScratchOrg', 'Disconnect-SfOrg', 'about_JwtAuth')
}
