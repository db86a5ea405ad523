using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using JwtAuth.Core.Errors;
using JwtAuth.Core.Model;
using JwtAuth.Core.Store;

namespace JwtAuth.StoreProbe
{
    /// <summary>
    /// Usage (one line of output per step, so the test can follow along):
    ///   save &lt;dir&gt; &lt;username&gt; &lt;alias&gt; &lt;setDefault:true|false&gt; &lt;barrierFile&gt;
    ///   renew &lt;dir&gt; &lt;username&gt; &lt;barrierFile&gt; &lt;mintMilliseconds&gt;
    ///   hang-before-commit &lt;dir&gt; &lt;username&gt; &lt;alias&gt; &lt;org|settings&gt;
    ///   hold-org-lock &lt;dir&gt; &lt;username&gt;
    /// Tokens are never printed: only a fingerprint (first 16 hex digits of their SHA-256).
    /// </summary>
    internal static class Program
    {
        // Generous: the tests' machine may be heavily loaded; a real deadlock still ends in StoreLockTimeout.
        private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(120);

        private static int Main(string[] args)
        {
            try
            {
                switch (args.Length > 0 ? args[0] : string.Empty)
                {
                    case "save": return Save(args[1], args[2], args[3], bool.Parse(args[4]), args[5]);
                    case "renew": return Renew(args[1], args[2], args[3], int.Parse(args[4]));
                    case "hang-before-commit": return HangBeforeCommit(args[1], args[2], args[3], args[4]);
                    case "hold-org-lock": return HoldOrgLock(args[1], args[2]);
                    default:
                        Console.Error.WriteLine("unknown mode");
                        return 2;
                }
            }
            catch (JwtAuthException e)
            {
                Console.WriteLine("ERROR " + e.ErrorId + " " + e.Message);
                return 1;
            }
        }

        private static int Save(string directory, string username, string alias, bool setDefault, string barrier)
        {
            var store = new OrgAuthStore(directory, LockTimeout);
            var auth = Sample(username, "token-of-" + username);
            auth.Alias = alias;
            Console.WriteLine("READY");
            WaitFor(barrier);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            store.Save(auth, setDefault: setDefault);
            var saved = clock.ElapsedMilliseconds;
            // A second read-modify-write of settings.json, to catch lost updates between processes.
            store.SetAlias(alias + "-second", username);
            Console.WriteLine($"DONE save {saved} ms, alias {clock.ElapsedMilliseconds - saved} ms");
            return 0;
        }

        private static int Renew(string directory, string username, string barrier, int mintMilliseconds)
        {
            var store = new OrgAuthStore(directory, LockTimeout);
            var seen = store.Find(username) ?? throw new InvalidOperationException("no auth to renew");
            Console.WriteLine("READY");
            WaitFor(barrier);
            var renewal = store.RenewToken(seen, current =>
            {
                Thread.Sleep(mintMilliseconds);
                var fresh = Sample(current.Username, "minted-by-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N"));
                fresh.IssuedAt = DateTimeOffset.UtcNow;
                return fresh;
            }, LockTimeout);
            Console.WriteLine((renewal.Reused ? "REUSED " : "MINTED ") + Fingerprint(renewal.Auth.Auth.AccessToken));
            return 0;
        }

        private static int HangBeforeCommit(string directory, string username, string alias, string phase)
        {
            var store = new OrgAuthStore(directory, LockTimeout);
            var auth = Sample(username, "token-never-committed");
            auth.Alias = alias;
            auth.OrgName = "Written by the killed process";
            store.BeforeCommit = target =>
            {
                var isSettings = Path.GetFileName(target) == "settings.json";
                if ((phase == "settings") != isSettings) return;
                Console.WriteLine("STAGED " + target);
                Thread.Sleep(Timeout.Infinite);
            };
            store.Save(auth, setDefault: true);
            Console.WriteLine("NOT-HUNG");
            return 3;
        }

        private static int HoldOrgLock(string directory, string username)
        {
            var store = new OrgAuthStore(directory, LockTimeout);
            using (store.AcquireOrgLock(username, LockTimeout))
            {
                Console.WriteLine("LOCKED");
                Thread.Sleep(Timeout.Infinite);
            }
            return 0;
        }

        private static OrgAuth Sample(string username, string token) => new OrgAuth
        {
            Username = username,
            OrgId = "00D000000000001EAA",
            UserId = "005000000000001AAA",
            OrgType = OrgType.Sandbox,
            InstanceUrl = "https://example--dev.sandbox.my.salesforce.com",
            LoginUrl = "https://test.salesforce.com",
            Audience = "https://test.salesforce.com",
            ClientId = "3MVG9probe",
            Key = KeyReference.File("/keys/server.key"),
            IssuedAt = DateTimeOffset.UtcNow,
            AccessToken = token,
        };

        private static void WaitFor(string barrier)
        {
            while (!File.Exists(barrier)) Thread.Sleep(1);
        }

        internal static string Fingerprint(string? token) => token == null
            ? "none"
            : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token))).Substring(0, 16);
    }
}
