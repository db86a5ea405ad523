using System;
using System.IO;
using JwtAuth.Core.Errors;
using JwtAuth.Core.IO;

namespace JwtAuth.Core.SfCli
{
    /// <summary>
    /// The Salesforce CLI's state folders: <c>~/.sfdx</c> (auth files, alias.json, sfdx-config.json)
    /// and <c>~/.sf</c> (config.json), under the home folder as Node's <c>os.homedir()</c> finds it.
    /// </summary>
    public sealed class SfCliPaths
    {
        /// <summary>The CLI's folders under <paramref name="home"/> (tests and -Scope choices point it elsewhere).</summary>
        public SfCliPaths(string home)
        {
            if (string.IsNullOrWhiteSpace(home))
                throw new ArgumentException("The home folder must be given.", nameof(home));
            Home = Path.GetFullPath(home);
        }

        /// <summary>The home folder the CLI of the current user uses.</summary>
        public static SfCliPaths ForCurrentUser() => new SfCliPaths(ResolveHome());

        /// <summary>The absolute home folder.</summary>
        public string Home { get; }

        /// <summary><c>~/.sfdx</c>: auth files, aliases, the legacy config.</summary>
        public string SfdxDirectory => Path.Combine(Home, ".sfdx");

        /// <summary><c>~/.sf</c>: the current config.</summary>
        public string SfDirectory => Path.Combine(Home, ".sf");

        /// <summary><c>~/.sfdx/alias.json</c>.</summary>
        public string AliasFile => Path.Combine(SfdxDirectory, "alias.json");

        /// <summary><c>~/.sf/config.json</c>, holding <c>target-org</c> and <c>target-dev-hub</c>.</summary>
        public string SfConfigFile => Path.Combine(SfDirectory, "config.json");

        /// <summary><c>~/.sfdx/sfdx-config.json</c>, holding <c>defaultusername</c> and <c>defaultdevhubusername</c>.</summary>
        public string SfdxConfigFile => Path.Combine(SfdxDirectory, "sfdx-config.json");

        /// <summary>The auth file of one username: <c>~/.sfdx/&lt;username&gt;.json</c>.</summary>
        public string AuthFile(string username)
        {
            if (string.IsNullOrWhiteSpace(username) || username.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0
                || username == "." || username == "..")
                throw new SfCliException(SfCliErrorIds.AuthIncomplete, JwtAuthErrorKind.InvalidArgument,
                    $"'{username}' is not a Salesforce username that can name a CLI auth file.",
                    "Pass the org's username (for example admin@example.com).", username);
            return Path.Combine(SfdxDirectory, username + ".json");
        }

        /// <summary>
        /// Node's <c>os.homedir()</c>: <c>USERPROFILE</c> on Windows, <c>HOME</c> elsewhere, and when those
        /// are unset or empty the account's profile folder (the passwd entry on Unix).
        /// </summary>
        public static string ResolveHome()
        {
            var variable = OwnerOnlyAccess.IsWindows ? "USERPROFILE" : "HOME";
            var fromEnvironment = Environment.GetEnvironmentVariable(variable);
            if (!string.IsNullOrEmpty(fromEnvironment)) return fromEnvironment!;

            // On Unix .NET falls back to getpwuid_r exactly like libuv does.
            var profile = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile, Environment.SpecialFolderOption.DoNotVerify);
            if (!string.IsNullOrEmpty(profile)) return profile;

            throw new SfCliException(SfCliErrorIds.HomeNotFound, JwtAuthErrorKind.ObjectNotFound,
                $"The home folder could not be found: {variable} is not set and the account has no profile folder.",
                $"Set {variable} to the home folder the Salesforce CLI uses.");
        }

        public override string ToString() => Home;
    }
}
