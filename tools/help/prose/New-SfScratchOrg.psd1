@{
    Synopsis    = 'Creates scratch orgs through a connected Dev Hub, logs in to each by JWT with the hub''s connected app and key, and stores them.'
    Description = @(
        'New-SfScratchOrg inserts a ScratchOrgInfo record in the Dev Hub for each org (-Count, up to 100), with ConnectedAppConsumerKey set to the Dev Hub''s client id and ConnectedAppCallbackUrl http://localhost:1717/OauthRedirect: that pre-authorizes each new org''s admin for the Dev Hub''s connected app, so the hub''s key can log in to it by JWT, on this machine or any other that has the Dev Hub connected.'
        'The Dev Hub is -DevHub or, without it, the default Dev Hub (Connect-SfOrgJwt -SetDefaultDevHub). It must be stored and be a Dev Hub; a name that is not stored is a DevHubNotFound error, an org of another type a NotADevHub error, no default a NoDefaultDevHub error, all before any call. Its stored key signs the logins, whatever it was connected with: a key file, a certificate thumbprint, or -PrivateKey text under -Scope Process in this session (an in-memory key stored for this user in another session cannot be used: DevHubKeyUnavailable). Its token is renewed first when Salesforce no longer accepts it.'
        'The definition is -DefinitionFile (project-scratch-def.json, mapped as the Salesforce CLI maps it: keys upper-cased at the first letter, features joined with '';'', OrgName Company by default, username lower-cased, settings and objectSettings left out of the insert) or, without a file, -Edition (Developer by default). A file that is missing, not JSON, has a key that starts upper-case or sets durationDays is refused before any call; so is -Alias with -Count above 1, -SetDefault with -Count above 1, and a definition username with -Count above 1.'
        'Before inserting anything it reads the Dev Hub''s DailyScratchOrgs and ActiveScratchOrgs limits and refuses (ScratchOrgLimitExceeded), creating nothing, when -Count is more than what remains.'
        'All the orgs are requested at once, with at most -ThrottleLimit requests to Salesforce in flight (inserts, status reads, logins, deploys; waits hold none). It reads every pending org''s status with one query per round, every second at first and then a tenth of the time waited (at most 10 seconds), until each is Active or Error, for up to -WaitSec after it was requested. Each Active org is logged in to as its SignupUsername at its LoginUrl with the audience https://test.salesforce.com; a new user that has not replicated yet ("user hasn''t approved this consumer") is waited out. The org is stored as OrgType Scratch with its Dev Hub, ScratchOrgInfo id and expiration date, in the scope its Dev Hub is stored in (a -Scope Process hub leaves nothing on disk), with -Alias or -AliasPrefix and -SetDefault; -SfCli registers it with the Salesforce CLI too, linked to its Dev Hub.'
        'A definition''s settings and objectSettings are deployed once the org is Active, as the CLI does (a Metadata API zip), and polled to completion. A deploy that fails is a ScratchOrgSettingsNotDeployed error naming the failing components; the org is kept, stored and written.'
        'Each SfScratchOrg is written as soon as its org is connected, in completion order, and one progress bar covers the whole run (requested, creating, active, connected). An org that fails gets its own non-terminating error and the others go on: ScratchOrgSignupFailed with the record''s ErrorCode and what to fix (C-1016: the Dev Hub''s connected app is not set up for scratch org signup, or the Dev Hub was authorized through an External Client App, which signup cannot copy), ScratchOrgRequestRefused with Salesforce''s code and message (a bad edition or feature, LIMIT_EXCEEDED; the inserts not yet sent are then not sent), ScratchOrgNotReady when -WaitSec runs out. With -Count 1 the error ends the command. Every error about an org that exists carries its ScratchOrgInfo id.'
        'Ctrl+C stops every step at once: nothing is stored after the command returns, and every org already requested is named on the host with its ScratchOrgInfo id. Salesforce goes on creating those; Get-SfScratchOrg -All finds them again.'
    )
    Parameters  = @{
        DevHub = 'Alias or username of a connected Dev Hub. Without it, the default Dev Hub.'
        DefinitionFile = 'The scratch org definition file (project-scratch-def.json), relative to the current location.'
        Edition = 'The edition when there is no definition file: Developer (default), Enterprise, Group, Professional or a partner edition such as partner-developer.'
        Count = 'How many orgs to create, 1 to 100.'
        DurationDays = 'Days until the orgs expire, 1 to 30.'
        Alias = 'The alias of the one org (only with -Count 1).'
        AliasPrefix = 'Names the orgs <prefix>1 to <prefix>N, in the order they were requested.'
        SetDefault = 'Makes the one org the default org (only with -Count 1).'
        ThrottleLimit = 'At most this many requests to Salesforce at once; waits do not count.'
        WaitSec = 'How long each org may take to become Active after it was requested.'
        SfCli = 'Also registers each org with the Salesforce CLI, with its Dev Hub, so sf org list shows it under that hub. Needs a Dev Hub connected with an unencrypted PEM key file.'
        KeyPassword = 'Password of the Dev Hub''s key file when it is an encrypted PEM key or a PFX. Never stored.'
        TimeoutSec = 'The bound for each request to Salesforce.'
        WhatIf = 'Shows how many orgs would be created in which Dev Hub, and creates none.'
        Confirm = 'Asks before creating the orgs.'
    }
    Defaults    = @{
        DevHub = 'The default Dev Hub'
        Edition = 'Developer'
        Count = '1'
        DurationDays = '7'
        ThrottleLimit = '10'
        WaitSec = '900'
        TimeoutSec = '30'
    }
    Inputs      = @(
        @{ Type = 'None'; Description = 'This cmdlet takes no pipeline input.' }
    )
    Outputs     = @(
        @{ Type = 'JwtAuth.SfScratchOrg'; Description = 'One per org as stored: Username, OrgId, LoginUrl, InstanceUrl, Alias, DevHub, Status, ExpirationDate, ScratchOrgInfoId and what Connect-SfOrgJwt and Remove-SfScratchOrg bind by property name.' }
    )
    Examples    = @(
        @{
            Title   = 'One Developer Edition org for a feature branch'
            Code    = 'New-SfScratchOrg -Alias feature1 -SetDefault'
            Remarks = 'Uses the default Dev Hub; the org is stored as feature1 and becomes the default org.'
        }
        @{
            Title   = 'The second seed''s morning: fifty orgs from the project''s definition'
            Code    = 'New-SfScratchOrg -DevHub HubOrg -DefinitionFile config/project-scratch-def.json -Count 50 -AliasPrefix feature -DurationDays 1 -ThrottleLimit 16'
            Remarks = 'All fifty provision at once; each is written as soon as it is connected, as feature1 to feature50.'
        }
        @{
            Title   = 'CI agent: a process-scoped Dev Hub, nothing on disk'
            Code    = @'
Connect-SfOrgJwt -ClientId $env:SF_CONSUMER_KEY -Username $env:SF_HUB_USER -PrivateKey $env:SF_JWT_KEY -Scope Process -SetDefaultDevHub
$org = New-SfScratchOrg -Edition Developer -DurationDays 1 -ErrorAction Stop
$auth = Get-SfOrgAuth $org.Username -AsPlainText
'@
            Remarks = 'The orgs are kept in the process like their Dev Hub, signed in with the same in-memory key.'
        }
        @{
            Title   = 'Also for the Salesforce CLI'
            Code    = 'New-SfScratchOrg -Count 3 -AliasPrefix review -SfCli; sf org list'
            Remarks = 'sf org list shows the three orgs under their Dev Hub (connect the hub with Connect-SfOrgJwt -SfCli too).'
        }
    )
    Links       = @('Get-SfScratchOrg', 'Remove-SfScratchOrg', 'Connect-SfOrgJwt', 'about_JwtAuth')
}
