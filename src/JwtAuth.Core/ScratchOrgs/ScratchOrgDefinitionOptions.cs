using System;

namespace JwtAuth.Core.ScratchOrgs
{
    /// <summary>What the cmdlet adds to every definition: the Dev Hub's connected app and the org's lifetime.</summary>
    public sealed class ScratchOrgDefinitionOptions
    {
        public const int DefaultDurationDays = 7;
        public const int MinDurationDays = 1;
        public const int MaxDurationDays = 30;

        /// <summary>The edition used when no definition file is given.</summary>
        public const string DefaultEdition = "Developer";

        /// <summary>
        /// The callback the Salesforce CLI registers for the signup (its local OAuth port). Signup needs one for the
        /// connected app it copies; JWT logins never use it.
        /// </summary>
        public const string ConnectedAppCallbackUrl = "http://localhost:1717/OauthRedirect";

        /// <param name="connectedAppConsumerKey">The Dev Hub auth's client id: the new org's admin is pre-authorized for this app.</param>
        /// <param name="durationDays">Days until the org expires, 1 to 30.</param>
        /// <exception cref="ScratchOrgDefinitionException"><c>DurationDaysOutOfRange</c>.</exception>
        public ScratchOrgDefinitionOptions(string connectedAppConsumerKey, int durationDays = DefaultDurationDays)
        {
            if (string.IsNullOrWhiteSpace(connectedAppConsumerKey))
                throw new ArgumentException("The Dev Hub's client id is required.", nameof(connectedAppConsumerKey));
            if (durationDays < MinDurationDays || durationDays > MaxDurationDays)
                throw ScratchOrgDefinitionErrors.DurationDaysOutOfRange(durationDays);
            ConnectedAppConsumerKey = connectedAppConsumerKey;
            DurationDays = durationDays;
        }

        public string ConnectedAppConsumerKey { get; }

        public int DurationDays { get; }
    }
}
