using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using JwtAuth.Core.Errors;
using JwtAuth.Core.SfCli;

namespace JwtAuth.Commands
{
    /// <summary>What Connect-SfOrgJwt refuses about its input before it sends anything, each with the fix.</summary>
    internal static class ConnectRefusals
    {
        /// <summary>
        /// PowerShell binds a piped object without a Username property to -Username by value, as its ToString()
        /// (a PSCustomObject becomes "@{User=...}", a hashtable "System.Collections.Hashtable"): that is no username.
        /// </summary>
        public static JwtAuthException? NoUsernameIn(PSObject? piped)
        {
            if (piped is null || piped.BaseObject is string) return null;
            // The target is the names only: the values may hold anything, a key among them.
            if (piped.BaseObject is IDictionary table)
            {
                var keys = table.Keys.Cast<object>().Select(k => k.ToString()).ToArray();
                return new JwtAuthException("InputObjectHasNoUsername", JwtAuthErrorKind.InvalidArgument,
                    $"A hashtable was piped in (keys: {string.Join(", ", keys)}); PowerShell does not bind a hashtable's keys to parameters, so it has no Username.",
                    "Pipe objects instead: [pscustomobject]@{ Username = '...'; Alias = '...' } | Connect-SfOrgJwt ..., or pass -Username.",
                    keys, targetKind: "keys of the piped hashtable");
            }
            if (piped.Properties["Username"] != null) return null;
            var names = piped.Properties.Select(p => p.Name).ToArray();
            return new JwtAuthException("InputObjectHasNoUsername", JwtAuthErrorKind.InvalidArgument,
                $"An object without a Username property was piped in (its properties: {(names.Length == 0 ? "none" : string.Join(", ", names))}).",
                "Give the input a Username column (for example Select-Object @{ Name = 'Username'; Expression = { $_.User } }, *), or pipe the usernames themselves.",
                names, targetKind: "properties of the piped object");
        }

        /// <summary>-Alias, -SetDefault or -SetDefaultDevHub on the command line apply to every piped org, but each names one org.</summary>
        public static JwtAuthException PerOrgOptionsForManyOrgs(IReadOnlyList<string> options) =>
            new JwtAuthException("PerOrgOptionForManyOrgs", JwtAuthErrorKind.InvalidArgument,
                $"{string.Join(", ", options.Select(o => "-" + o))} {(options.Count == 1 ? "was" : "were")} given on the command line while more than one org is piped in: an alias names one org, and only one org can be the default; nothing was sent.",
                "Put an Alias column in the input (e.g. Import-Csv with Username and Alias columns) instead of -Alias, and connect the org that should be the default on its own with -SetDefault or -SetDefaultDevHub.");

        /// <summary>A Salesforce CLI org authorized by web login or access token carries no key.</summary>
        public static Exception? NotImportable(SfOrgAuthBase? org)
        {
            if (org is null || org.Note is null || org.Scope != SfAuthScope.SfCli) return null;
            return new SfCliException(SfCliErrorIds.OrgNotImportable, JwtAuthErrorKind.InvalidArgument,
                $"'{org.Username}' cannot be connected from what the Salesforce CLI stored for it ({org.AuthMethod}): {org.Note}",
                $"Leave it out (Get-SfOrgAuth -SfCli | Where-Object Note -eq $null | Connect-SfOrgJwt), or connect it with -ClientId and -KeyFile of a connected app: Connect-SfOrgJwt -Username '{org.Username}' -ClientId <consumer key> -KeyFile <key file>.",
                org.Username);
        }

        public static JwtAuthException MissingKeyFile(string username, bool piped) =>
            new JwtAuthException("MissingKeyFile", JwtAuthErrorKind.InvalidArgument,
                $"No key to sign with was given for '{username}'{(piped ? " (the object piped in has no KeyFile)" : string.Empty)}.",
                "Pass -KeyFile with the private key file (or -PrivateKey, -Certificate or -CertificateThumbprint).", username);
    }
}
