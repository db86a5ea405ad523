using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using JwtAuth.Core.Http;
using Newtonsoft.Json.Linq;

namespace JwtAuth.Core.OrgApi
{
    /// <summary><c>GET {instance}/services/data</c>: the REST API versions an org offers, of which the latest is used.</summary>
    internal static class ApiVersionList
    {
        public static async Task<string> FetchLatestAsync(OrgRest rest, CancellationToken cancellationToken)
        {
            var answer = await rest.GetAsync("/services/data", "The REST API", cancellationToken).ConfigureAwait(false);
            var versions = (answer.Json as JArray ?? throw answer.Unexpected("is not a list of versions"))
                .OfType<JObject>()
                .Select(v => JsonBody.String(v, "version"))
                .Where(v => v != null && OrgApiClient.IsApiVersion(v))
                .Select(v => decimal.Parse(v!, CultureInfo.InvariantCulture))
                .ToList();
            if (versions.Count == 0)
            {
                throw answer.Unexpected("lists no API versions");
            }

            return versions.Max().ToString("0.0", CultureInfo.InvariantCulture);
        }
    }
}
