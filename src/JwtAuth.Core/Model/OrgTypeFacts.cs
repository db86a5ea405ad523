namespace JwtAuth.Core.Model
{
    internal static class OrgTypeFacts
    {
        /// <summary>
        /// True for an org known not to be a Dev Hub. An org whose type could not be read when it was connected (Unknown) is
        /// let through: Salesforce itself will say when it is not one.
        /// </summary>
        public static bool IsKnownNotDevHub(this OrgType type) => type != OrgType.DevHub && type != OrgType.Unknown;
    }
}
