using MockSalesforce.Scratch;

namespace MockSalesforce.Query;

/// <summary>A Dev Hub's ScratchOrgInfo and ActiveScratchOrg rows, as the object reference describes them.</summary>
internal static class ScratchOrgRecords
{
    /// <summary>Falcon instance names end in S, which makes the CLI log in at LoginUrl rather than at the instance.</summary>
    public const string SignupInstance = "USA524S";

    private static readonly Dictionary<string, IReadOnlyList<string>> UserRelationships = new()
    {
        ["CreatedBy"] = SObjectRecords.UserFields,
        ["Owner"] = SObjectRecords.UserFields,
    };

    private static readonly string[] InfoFields =
    {
        "Id", "OrgName", "Edition", "Status", "ErrorCode", "SignupUsername", "SignupEmail", "SignupInstance", "LoginUrl",
        "ScratchOrg", "AuthCode", "ExpirationDate", "DurationDays", "Features", "Description", "AdminEmail", "Country",
        "Language", "HasSampleData", "Release", "SourceOrg", "Snapshot", "Namespace", "Package2AncestorIds",
        "ConnectedAppConsumerKey", "ConnectedAppCallbackUrl", "CreatedDate", "CreatedById", "OwnerId", "IsDeleted",
        "DeletedBy", "DeletedDate",
    };

    private static readonly string[] ActiveFields =
    {
        "Id", "ScratchOrg", "ScratchOrgInfoId", "SignupUsername", "SignupEmail", "SignupInstance", "ExpirationDate",
        "Edition", "OrgName", "Description", "Features", "HasSampleData", "Namespace", "SignupTrialDays", "LastLoginDate",
        "CreatedDate", "CreatedById", "OwnerId", "IsDeleted",
    };

    public static SObjectTable ScratchOrgInfo(IEnumerable<ScratchOrgSignup> signups, DateTimeOffset now) =>
        new("ScratchOrgInfo", InfoFields, signups.Select(s => Info(s, now)).ToArray(), UserRelationships);

    /// <summary>One row per org that is Active now: deleted, expired, failed and unfinished signups have none.</summary>
    public static SObjectTable ActiveScratchOrg(IEnumerable<ScratchOrgSignup> signups, DateTimeOffset now) =>
        new("ActiveScratchOrg", ActiveFields,
            signups.Where(s => s.StatusAt(now) == ScratchOrgStatus.Active).Select(Active).ToArray(), UserRelationships);

    private static IReadOnlyDictionary<string, object?> Info(ScratchOrgSignup signup, DateTimeOffset now)
    {
        var status = signup.StatusAt(now);
        // What the signup produced stays readable after the org is deleted or expires (the record is an audit log).
        var org = status is ScratchOrgStatus.Active or ScratchOrgStatus.Deleted ? signup.Org : null;
        var request = signup.Request;
        var record = Common(signup);
        record["Id"] = signup.Id;
        record["Status"] = status.ToString();
        record["ErrorCode"] = status == ScratchOrgStatus.Error ? signup.PlannedErrorCode : null;
        record["SignupInstance"] = org is null ? null : SignupInstance;
        record["LoginUrl"] = org?.InstanceUrl;
        record["ScratchOrg"] = org?.Id[..15];
        record["AuthCode"] = org is null ? null : signup.AuthCode;
        record["ExpirationDate"] = org is null ? null : SObjectRecords.Date(signup.ExpirationDate);
        record["DurationDays"] = request.DurationDays;
        record["AdminEmail"] = request.AdminEmail;
        record["Country"] = request["Country"];
        record["Language"] = request["Language"];
        record["Release"] = request["Release"];
        record["SourceOrg"] = request["SourceOrg"];
        record["Snapshot"] = request["Snapshot"];
        record["Package2AncestorIds"] = request["Package2AncestorIds"];
        record["ConnectedAppConsumerKey"] = signup.ConnectedAppConsumerKey;
        record["ConnectedAppCallbackUrl"] = request.ConnectedAppCallbackUrl;
        record["DeletedBy"] = signup.DeletedBy?.Id[..15];
        record["DeletedDate"] = signup.DeletedAt is { } deleted ? SObjectRecords.Date(DateOnly.FromDateTime(deleted.UtcDateTime)) : null;
        return record;
    }

    private static IReadOnlyDictionary<string, object?> Active(ScratchOrgSignup signup)
    {
        var record = Common(signup);
        record["Id"] = signup.ActiveScratchOrgId;
        record["ScratchOrg"] = signup.Org!.Id[..15];
        record["ScratchOrgInfoId"] = signup.Id;
        record["SignupInstance"] = SignupInstance;
        record["ExpirationDate"] = SObjectRecords.Date(signup.ExpirationDate);
        record["SignupTrialDays"] = signup.Request.DurationDays;
        record["LastLoginDate"] = null;
        return record;
    }

    /// <summary>The fields both objects share.</summary>
    private static Dictionary<string, object?> Common(ScratchOrgSignup signup)
    {
        var request = signup.Request;
        return new Dictionary<string, object?>
        {
            ["OrgName"] = request.OrgName,
            ["Edition"] = request.Edition,
            ["SignupUsername"] = signup.SignupUsername,
            ["SignupEmail"] = request.AdminEmail ?? signup.CreatedBy?.Username,
            ["Features"] = request.Features,
            ["Description"] = request.Description,
            ["HasSampleData"] = request.HasSampleData,
            ["Namespace"] = request["Namespace"],
            ["CreatedDate"] = SObjectRecords.DateTime(signup.CreatedAt),
            ["CreatedById"] = signup.CreatedBy?.Id,
            ["CreatedBy"] = SObjectRecords.RelatedUser(signup.CreatedBy),
            ["OwnerId"] = signup.CreatedBy?.Id,
            ["Owner"] = SObjectRecords.RelatedUser(signup.CreatedBy),
            ["IsDeleted"] = false,
        };
    }
}
