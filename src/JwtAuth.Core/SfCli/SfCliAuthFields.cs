namespace JwtAuth.Core.SfCli
{
    /// <summary>Field names in the CLI's files (sfdx-core AuthFields, Org.Fields, config keys), in one place.</summary>
    internal static class SfCliAuthFields
    {
        public const string Username = "username";
        public const string OrgId = "orgId";
        public const string UserId = "userId";
        public const string LoginUrl = "loginUrl";
        public const string InstanceUrl = "instanceUrl";
        public const string ClientId = "clientId";
        public const string PrivateKey = "privateKey";
        public const string IsDevHub = "isDevHub";
        public const string IsSandbox = "isSandbox";
        public const string IsScratch = "isScratch";
        public const string InstanceApiVersion = "instanceApiVersion";
        public const string Name = "name";
        public const string InstanceName = "instanceName";
        public const string NamespacePrefix = "namespacePrefix";
        // sfdx-core spells it this way (Org.Fields.TRIAL_EXPIRATION_DATE).
        public const string TrialExpirationDate = "trailExpirationDate";
        // What sfdx-core's authorizeScratchOrg saves for a scratch org; `sf org list` lists an auth with expirationDate
        // as a scratch org and asks its devHubUsername's ScratchOrgInfo about it.
        public const string DevHubUsername = "devHubUsername";
        public const string ExpirationDate = "expirationDate";
        public const string Created = "created";
        public const string CreatedOrgInstance = "createdOrgInstance";
        public const string AccessToken = "accessToken";
        public const string RefreshToken = "refreshToken";

        public const string AliasGroup = "orgs";

        public const string TargetOrg = "target-org";
        public const string TargetDevHub = "target-dev-hub";
        public const string LegacyTargetOrg = "defaultusername";
        public const string LegacyTargetDevHub = "defaultdevhubusername";
    }
}
