using MockSalesforce.Metadata;

namespace MockSalesforce.Endpoints;

/// <summary>
/// POST /services/data/vNN.0/metadata/deployRequest (multipart: a 'json' part {"deployOptions":{..}} and the zip as
/// 'file'), answering 201 with status Pending; GET .../deployRequest/{id}[?includeDetails=true] for its progress.
/// Served on every org; the zip is kept for tests (<see cref="DeployRegistry"/>, GET /__mock/deploys).
/// </summary>
internal static class DeployRequestEndpoints
{
    public static async Task PostAsync(HttpContext context, MockState state, string version)
    {
        var session = await RestRequest.AuthorizeAsync(context, state, version);
        if (session is null) return;
        IFormCollection form;
        try
        {
            if (!context.Request.HasFormContentType || !context.Request.ContentType!.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
                throw new InvalidDataException("not multipart/form-data");
            form = await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (InvalidDataException)
        {
            await SalesforceJson.WriteErrorAsync(context, 400, "INVALID_MULTIPART_REQUEST",
                "The deployRequest body must be multipart/form-data with a 'json' part and a 'file' part.");
            return;
        }
        var (options, invalid) = DeployOptions.Parse(await JsonPartAsync(form, context.RequestAborted));
        var file = form.Files.GetFile("file");
        if (options is null || file is null)
        {
            await SalesforceJson.WriteErrorAsync(context, 400,
                invalid ?? new RestError("INVALID_MULTIPART_REQUEST", "The multipart request has no 'file' part with the zip."));
            return;
        }
        using var zip = new MemoryStream();
        await file.CopyToAsync(zip, context.RequestAborted);
        var deploy = state.Deploys.Add(session.User.Org, session.User, zip.ToArray(), file.FileName, options);
        // The POST answer is documented as Pending whatever the deploy's duration.
        await SalesforceJson.WriteAsync(context, 201, DeployJson.Describe(deploy, DeployStatus.Pending, includeDetails: false, Url(context, version, deploy, false)));
    }

    public static async Task GetAsync(HttpContext context, MockState state, string version, string id)
    {
        var session = await RestRequest.AuthorizeAsync(context, state, version);
        if (session is null) return;
        var deploy = state.Deploys.Find(id);
        if (deploy is null || deploy.Org != session.User.Org)
        {
            await SalesforceJson.NotFoundAsync(context);
            return;
        }
        bool includeDetails = string.Equals(context.Request.Query["includeDetails"], "true", StringComparison.OrdinalIgnoreCase);
        await SalesforceJson.WriteAsync(context, 200,
            DeployJson.Describe(deploy, deploy.Status, includeDetails, Url(context, version, deploy, includeDetails)));
    }

    /// <summary>The json part as a plain field or as a file part (clients send it either way).</summary>
    private static async Task<string?> JsonPartAsync(IFormCollection form, CancellationToken cancellationToken)
    {
        if (form.TryGetValue("json", out var field)) return field.ToString();
        if (form.Files.GetFile("json") is not { } part) return null;
        using var reader = new StreamReader(part.OpenReadStream());
        return await reader.ReadToEndAsync(cancellationToken);
    }

    private static string Url(HttpContext context, string version, DeployRecord deploy, bool includeDetails) =>
        $"{context.Request.Scheme}://{context.Request.Host}/services/data/{version}/metadata/deployRequest/{deploy.Id}" +
        (includeDetails ? "?includeDetails=true" : "");
}
