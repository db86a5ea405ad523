using System;

namespace JwtAuth
{
    /// <summary>
    /// One authorized org as the cmdlets show it, without its token: <see cref="SfOrgAuth"/> carries the token as a
    /// SecureString, <see cref="SfOrgAuthPlainText"/> (written only under -AsPlainText) as a string. Property names
    /// match Connect-SfOrgJwt's parameters, so <c>Get-SfOrgAuth -SfCli | Connect-SfOrgJwt</c> binds them by name.
    /// </summary>
    public abstract class SfOrgAuthBase
    {
        public string Username { get; set; } = string.Empty;

        /// <summary>The alias set last (of <see cref="Aliases"/>), or null.</summary>
        public string? Alias { get; set; }

        /// <summary>Every alias of the org, in the order they were set (for the Salesforce CLI's orgs, as the CLI lists them).</summary>
        public string[] Aliases { get; set; } = Array.Empty<string>();

        public string? OrgId { get; set; }
        public string? UserId { get; set; }
        public SfOrgType OrgType { get; set; }
        public string? InstanceUrl { get; set; }
        public string? LoginUrl { get; set; }
        public string? Audience { get; set; }
        public string? ClientId { get; set; }
        public bool IsDefault { get; set; }
        public bool IsDefaultDevHub { get; set; }

        public DateTimeOffset? IssuedAt { get; set; }

        /// <summary>Absolute path of the key file used to sign, when the key came from a file.</summary>
        public string? KeyFile { get; set; }

        /// <summary>Thumbprint of the certificate used to sign, when the key came from a certificate store.</summary>
        public string? CertificateThumbprint { get; set; }

        /// <summary>Whether a fresh token can be minted without Connect-SfOrgJwt (a key reference is stored).</summary>
        public bool CanRenew { get; set; }

        /// <summary>CurrentUser, Process, or SfCli (an org the Salesforce CLI knows).</summary>
        public SfAuthScope Scope { get; set; } = SfAuthScope.CurrentUser;

        /// <summary>How the org was authorized (JWT for JwtAuth; for CLI orgs: Jwt, WebLogin, AccessToken).</summary>
        public string AuthMethod { get; set; } = "Jwt";

        /// <summary>Why this org cannot be renewed or imported, when it cannot; else null.</summary>
        public string? Note { get; set; }

        public string? OrgName { get; set; }
        public string? ApiVersion { get; set; }

        /// <summary>Whether a token is held, without revealing it (for views and scripts that only need to know).</summary>
        public abstract bool HasToken { get; }

        public override string ToString() => Username;
    }
}
