using System.Collections.Generic;
using JwtAuth.Core.Model;

namespace JwtAuth.Core.SfCli
{
    /// <summary>How the Salesforce CLI authorized an org, judged from which fields its auth file holds.</summary>
    public enum SfCliAuthMethod
    {
        Unknown,
        /// <summary><c>sf org login jwt</c> (or registered from here): clientId and privateKey.</summary>
        Jwt,
        /// <summary><c>sf org login web</c>, device or sfdx-url: a refresh token.</summary>
        RefreshToken,
        /// <summary><c>sf org login access-token</c>: only an access token, nothing to renew it with.</summary>
        AccessTokenOnly,
    }

    /// <summary>One org the Salesforce CLI knows, as its auth file and alias/config files describe it. Holds no token.</summary>
    public sealed class SfCliOrg
    {
        public string Username { get; internal set; } = string.Empty;
        public string? OrgId { get; internal set; }
        public string? InstanceUrl { get; internal set; }

        /// <summary>The login URL the CLI renews against; null when the file has none (the CLI then uses https://login.salesforce.com).</summary>
        public string? LoginUrl { get; internal set; }
        public string? ClientId { get; internal set; }

        /// <summary>The key file the CLI signs with (its <c>privateKey</c> field), for JWT orgs.</summary>
        public string? KeyFile { get; internal set; }
        public IReadOnlyList<string> Aliases { get; internal set; } = new string[0];
        public OrgType OrgType { get; internal set; }
        public string? InstanceApiVersion { get; internal set; }

        /// <summary>The CLI's default org (<c>target-org</c>) names this org, by username or alias.</summary>
        public bool IsDefault { get; internal set; }

        /// <summary>The CLI's default Dev Hub (<c>target-dev-hub</c>) names this org.</summary>
        public bool IsDefaultDevHub { get; internal set; }
        public SfCliAuthMethod AuthMethod { get; internal set; }

        /// <summary>True when a JWT login here can be made from what the CLI stored (client id, existing key file, URLs).</summary>
        public bool CanImport { get; internal set; }

        /// <summary>Why <see cref="CanImport"/> is false; null when it is true.</summary>
        public string? CannotImportReason { get; internal set; }

        public string AuthFile { get; internal set; } = string.Empty;

        public override string ToString() => $"{Username} ({AuthMethod}{(CanImport ? ", importable" : string.Empty)})";
    }
}
