using System;
using System.Collections.Generic;
using System.Linq;
using JwtAuth.Core.Http;
using Newtonsoft.Json.Linq;

namespace JwtAuth.Core.OrgApi
{
    /// <summary>Where a Metadata deploy stands: the <c>deployResult</c> of the deployRequest resource.</summary>
    public sealed class DeployResult
    {
        private DeployResult(string id, DeployStatus status, bool done, bool success, string? errorMessage, string? errorStatusCode,
            int? componentsDeployed, int? componentsTotal, int? componentErrors, IReadOnlyList<DeployComponentFailure> componentFailures)
        {
            Id = id;
            Status = status;
            Done = done;
            Success = success;
            ErrorMessage = errorMessage;
            ErrorStatusCode = errorStatusCode;
            NumberComponentsDeployed = componentsDeployed;
            NumberComponentsTotal = componentsTotal;
            NumberComponentErrors = componentErrors;
            ComponentFailures = componentFailures;
        }

        /// <summary>The deploy request's id (<c>0Af...</c>).</summary>
        public string Id { get; }

        public DeployStatus Status { get; }

        /// <summary>True once Salesforce has finished with the deploy, whatever the outcome.</summary>
        public bool Done { get; }

        /// <summary>Salesforce's <c>success</c>: true only when every component deployed.</summary>
        public bool Success { get; }

        /// <summary>Why the deploy as a whole failed (not per component), e.g. a missing package.xml.</summary>
        public string? ErrorMessage { get; }

        public string? ErrorStatusCode { get; }
        public int? NumberComponentsDeployed { get; }
        public int? NumberComponentsTotal { get; }
        public int? NumberComponentErrors { get; }

        /// <summary>The components that failed, from <c>details.componentFailures</c> (asked for with includeDetails=true).</summary>
        public IReadOnlyList<DeployComponentFailure> ComponentFailures { get; }

        /// <summary>Finished: Succeeded, SucceededPartial, Failed or Canceled (or Salesforce says done).</summary>
        public bool IsFinished => Done || Status == DeployStatus.Succeeded || Status == DeployStatus.SucceededPartial
            || Status == DeployStatus.Failed || Status == DeployStatus.Canceled;

        public override string ToString() =>
            $"Deploy {Id}: {Status}" + (ComponentFailures.Count == 0 ? string.Empty : $", {ComponentFailures.Count} component failure(s)");

        /// <summary>Reads <c>deployResult</c>; a missing or odd field leaves its property empty rather than failing.</summary>
        internal static DeployResult From(string id, JObject? result, Func<string, string> clean)
        {
            result ??= new JObject();
            var statusText = JsonBody.String(result, "status");
            var status = ((DeployStatus[])Enum.GetValues(typeof(DeployStatus)))
                .FirstOrDefault(s => string.Equals(s.ToString(), statusText, StringComparison.OrdinalIgnoreCase));
            var details = result["details"] as JObject;
            return new DeployResult(id, status,
                JsonValues.Bool(result["done"]) ?? false,
                JsonValues.Bool(result["success"]) ?? false,
                Text(result, "errorMessage", clean),
                Text(result, "errorStatusCode", clean),
                JsonValues.Int(result["numberComponentsDeployed"]),
                JsonValues.Int(result["numberComponentsTotal"]),
                JsonValues.Int(result["numberComponentErrors"]),
                Failures(details?["componentFailures"], clean));
        }

        private static IReadOnlyList<DeployComponentFailure> Failures(JToken? failures, Func<string, string> clean) =>
            JsonValues.Objects(failures).Select(f => new DeployComponentFailure(
                Text(f, "componentType", clean), Text(f, "fullName", clean), Text(f, "fileName", clean),
                Text(f, "problem", clean), Text(f, "problemType", clean),
                JsonValues.Int(f["lineNumber"]), JsonValues.Int(f["columnNumber"]))).ToList();

        private static string? Text(JObject json, string name, Func<string, string> clean)
        {
            var value = JsonBody.String(json, name);
            return value is null ? null : clean(value);
        }
    }
}
