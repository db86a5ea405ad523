using System.Globalization;

namespace MockSalesforce.Metadata;

/// <summary>
/// The deployRequest resource's body (Metadata API Developer Guide, "Deploy Metadata with Apex Testing Using REST" and
/// "Check the Status of Your Deployment Using REST Resources"): id, url, deployResult, deployOptions. The guide's
/// examples quote booleans and numbers; the mock writes them as JSON booleans and numbers.
/// </summary>
internal static class DeployJson
{
    public static object Describe(DeployRecord deploy, DeployStatus status, bool includeDetails, string url) => new Dictionary<string, object?>
    {
        ["id"] = deploy.Id,
        ["validatedDeployRequestId"] = null,
        ["url"] = url,
        ["deployResult"] = Result(deploy, status, includeDetails),
        ["deployOptions"] = deploy.Options.ToJson(),
    };

    private static Dictionary<string, object?> Result(DeployRecord deploy, DeployStatus status, bool includeDetails)
    {
        bool done = status is DeployStatus.Succeeded or DeployStatus.SucceededPartial or DeployStatus.Failed;
        bool started = status != DeployStatus.Pending;
        int total = deploy.Package.ComponentCount;
        return new Dictionary<string, object?>
        {
            ["id"] = deploy.Id,
            ["success"] = status == DeployStatus.Succeeded,
            ["checkOnly"] = deploy.Options["checkOnly"],
            ["ignoreWarnings"] = deploy.Options["ignoreWarnings"],
            ["rollbackOnError"] = deploy.Options["rollbackOnError"],
            ["status"] = status.ToString(),
            ["done"] = done,
            // A rolled-back deploy deployed nothing.
            ["numberComponentsDeployed"] = done && deploy.FinalStatus != DeployStatus.Failed ? deploy.Package.DeployableCount : 0,
            ["numberComponentsTotal"] = total,
            ["numberComponentErrors"] = done ? deploy.ComponentFailures.Count : 0,
            ["numberTestsCompleted"] = 0,
            ["numberTestsTotal"] = 0,
            ["numberTestErrors"] = 0,
            ["details"] = includeDetails ? Details(deploy, done) : null,
            ["createdDate"] = Time(deploy.CreatedAt),
            ["startDate"] = started ? Time(deploy.CreatedAt) : null,
            ["lastModifiedDate"] = Time(done ? deploy.CompletesAt : deploy.CreatedAt),
            ["completedDate"] = done ? Time(deploy.CompletesAt) : null,
            ["errorStatusCode"] = null,
            ["errorMessage"] = null,
            ["stateDetail"] = null,
            ["createdBy"] = deploy.CreatedBy.Id[..15],
            ["createdByName"] = deploy.CreatedBy.DisplayName,
            ["canceledBy"] = null,
            ["canceledByName"] = null,
            ["isRunTestsEnabled"] = false,
        };
    }

    private static object Details(DeployRecord deploy, bool done) => new Dictionary<string, object?>
    {
        ["componentFailures"] = done ? deploy.ComponentFailures.Select(m => Message(m, deploy)).ToArray() : Array.Empty<object>(),
        ["componentSuccesses"] = done ? deploy.ComponentSuccesses.Select(m => Message(m, deploy)).ToArray() : Array.Empty<object>(),
        ["retrieveResult"] = null,
        ["runTestResults"] = new { numRun = 0, numFailures = 0, totalTime = 0, successes = Array.Empty<object>(), failures = Array.Empty<object>(), codeCoverage = Array.Empty<object>() },
    };

    private static object Message(DeployMessage message, DeployRecord deploy) => new Dictionary<string, object?>
    {
        ["changed"] = message.Success && deploy.FinalStatus != DeployStatus.Failed,
        ["columnNumber"] = null,
        ["componentType"] = message.ComponentType,
        ["created"] = false,
        ["createdDate"] = Time(deploy.CompletesAt),
        ["deleted"] = false,
        ["fileName"] = message.FileName,
        ["fullName"] = message.FullName,
        ["id"] = null,
        ["lineNumber"] = null,
        ["problem"] = message.Problem,
        ["problemType"] = message.ProblemType,
        ["success"] = message.Success,
    };

    private static string Time(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
