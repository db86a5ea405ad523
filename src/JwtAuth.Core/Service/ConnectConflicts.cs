using System;
using System.Collections.Generic;
using System.Linq;

namespace JwtAuth.Core.Service
{
    /// <summary>
    /// Requests of one run that ask for the same org, alias or default mark. Logins finish in any order and each is
    /// stored as it finishes, so the outcome (and what the earlier results said) would depend on timing: every request
    /// of such a group is refused before anything is sent.
    /// </summary>
    internal static class ConnectConflicts
    {
        public static IReadOnlyDictionary<ConnectRequest, Exception> Find(IReadOnlyList<ConnectRequest> requests)
        {
            var refused = new Dictionary<ConnectRequest, Exception>();

            foreach (var group in GroupsOfMany(requests, r => r.Username))
                RefuseEach(refused, group, r => ConnectErrors.DuplicateUsername(r.Username, group.Count));
            foreach (var group in GroupsOfMany(requests, r => r.Alias))
                RefuseEach(refused, group, r => ConnectErrors.DuplicateAlias(r.Alias!.Trim(), Usernames(group), r.Username));
            foreach (var devHub in new[] { false, true })
            {
                var group = requests.Where(r => devHub ? r.SetDefaultDevHub : r.SetDefault).ToList();
                if (group.Count > 1) RefuseEach(refused, group, r => ConnectErrors.DuplicateDefault(devHub, Usernames(group), r.Username));
            }
            return refused;
        }

        private static IEnumerable<List<ConnectRequest>> GroupsOfMany(IEnumerable<ConnectRequest> requests, Func<ConnectRequest, string?> name) =>
            requests.Where(r => !string.IsNullOrWhiteSpace(name(r)))
                .GroupBy(r => name(r)!.Trim(), StringComparer.OrdinalIgnoreCase)
                .Select(g => g.ToList())
                .Where(g => g.Count > 1);

        // The first reason found for a request is the one it is told.
        private static void RefuseEach(Dictionary<ConnectRequest, Exception> refused, List<ConnectRequest> group, Func<ConnectRequest, Exception> refusal)
        {
            foreach (var request in group.Where(r => !refused.ContainsKey(r)))
                refused[request] = refusal(request);
        }

        private static IReadOnlyCollection<string> Usernames(List<ConnectRequest> group) => group.Select(r => r.Username).ToList();
    }
}
