using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using JwtAuth.Core.Http;
using Newtonsoft.Json.Linq;

namespace JwtAuth.Core.OrgApi
{
    /// <summary>
    /// A Metadata REST deploy: <c>POST {data}/metadata/deployRequest</c> (answer 201 with <c>id</c> and <c>deployResult</c>),
    /// then <c>GET {data}/metadata/deployRequest/{id}?includeDetails=true</c> every interval until the result is finished.
    /// </summary>
    internal sealed class MetadataDeploy
    {
        private readonly OrgRest _rest;
        private readonly string _dataPath;
        private readonly Func<TimeSpan, CancellationToken, Task> _delay;

        public MetadataDeploy(OrgRest rest, string dataPath, Func<TimeSpan, CancellationToken, Task> delay)
        {
            _rest = rest;
            _dataPath = dataPath;
            _delay = delay;
        }

        public async Task<DeployResult> RunAsync(byte[] zip, JObject deployOptions, DeployPolling polling, IProgress<DeployResult>? progress,
            CancellationToken cancellationToken)
        {
            var body = DeployRequestBody.Create(deployOptions, zip);
            var path = _dataPath + "/metadata/deployRequest";
            var started = await _rest.SendAsync(HttpMethod.Post, path, body.ToContent, "The Metadata deploy", cancellationToken).ConfigureAwait(false);
            var startedJson = started.Object();
            var id = JsonBody.String(startedJson, "id");
            if (id is null || !OrgApiClient.IsRecordId(id))
            {
                throw started.Unexpected("has no deploy request id");
            }

            var result = DeployResult.From(id, startedJson["deployResult"] as JObject, _rest.Clean);
            progress?.Report(result);
            var waited = TimeSpan.Zero;
            while (!result.IsFinished)
            {
                if (waited >= polling.Timeout)
                {
                    throw OrgApiErrors.TimedOut(id, result.Status, waited, _rest.Where(path + "/" + id));
                }

                var wait = polling.Interval < polling.Timeout - waited ? polling.Interval : polling.Timeout - waited;
                await _delay(wait, cancellationToken).ConfigureAwait(false);
                waited += wait;
                var status = await _rest.GetAsync(path + "/" + id + "?includeDetails=true", "The Metadata deploy status", cancellationToken)
                    .ConfigureAwait(false);
                result = DeployResult.From(id, status.Object()["deployResult"] as JObject, _rest.Clean);
                progress?.Report(result);
            }

            return result;
        }
    }
}
