using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace JwtAuth.Bench.Fixture
{
    /// <summary>
    /// The morning script's world: one Dev Hub and N scratch orgs created from it, each with an admin user
    /// already replicated and pre-authorized for the Dev Hub's connected app. Written as the mock's setup.json.
    /// </summary>
    internal sealed class BenchScenario
    {
        public const string ClientId = "3MVG9bench.jwtauth.test";
        public const string HubUsername = "hub@bench.jwtauth.test";

        private BenchScenario(string folder, BenchKeys keys, IReadOnlyList<string> scratchUsernames, string setupPath)
        {
            Folder = folder;
            Keys = keys;
            ScratchUsernames = scratchUsernames;
            SetupPath = setupPath;
        }

        public string Folder { get; }

        public BenchKeys Keys { get; }

        public IReadOnlyList<string> ScratchUsernames { get; }

        public string SetupPath { get; }

        public static BenchScenario Create(string folder, int scratchOrgs)
        {
            Directory.CreateDirectory(folder);
            var keys = BenchKeys.Create(folder);
            var usernames = Enumerable.Range(1, scratchOrgs).Select(i => $"scratch-{i:00}@bench.jwtauth.test").ToList();

            var orgs = new List<object> { new { kind = "DevHub", name = "Hub" } };
            var users = new List<object> { new { username = HubUsername, org = "Hub", preAuthorizedFor = new[] { ClientId } } };
            for (var i = 0; i < usernames.Count; i++)
            {
                orgs.Add(new { kind = "Scratch", name = $"S{i + 1}", devHub = "Hub" });
                users.Add(new { username = usernames[i], org = $"S{i + 1}", preAuthorizedFor = new[] { ClientId }, replicatesAfterSeconds = 0 });
            }

            var setup = new
            {
                apps = new[] { new { consumerKey = ClientId, certificatePath = keys.CertificatePath } },
                orgs,
                users,
            };
            var setupPath = Path.Combine(folder, "setup.json");
            File.WriteAllText(setupPath, JsonSerializer.Serialize(setup, new JsonSerializerOptions { WriteIndented = true }));
            return new BenchScenario(folder, keys, usernames, setupPath);
        }

        /// <summary>What `Import-Csv | Connect-SfOrgJwt` reads: Username, LoginUrl, Alias.</summary>
        public string WriteCsv(string loginUrl)
        {
            var csv = new StringBuilder("Username,LoginUrl,Alias\n");
            for (var i = 0; i < ScratchUsernames.Count; i++)
            {
                csv.Append(ScratchUsernames[i]).Append(',').Append(loginUrl).Append(",s").Append(i + 1).Append('\n');
            }

            var path = Path.Combine(Folder, "scratch-orgs.csv");
            File.WriteAllText(path, csv.ToString());
            return path;
        }
    }
}
