using JwtAuth.Core.ScratchOrgs;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace JwtAuth.Core.Tests.ScratchOrgs;

/// <summary>Reads definitions the way the cmdlet will, and checks refusals for what every typed error must carry.</summary>
internal static class Definitions
{
    public const string HubClientId = "3MVG9hubClientId";

    public static ScratchOrgDefinitionOptions Options(int durationDays = ScratchOrgDefinitionOptions.DefaultDurationDays) =>
        new(HubClientId, durationDays);

    public static ScratchOrgDefinition Parse(string json, int durationDays = ScratchOrgDefinitionOptions.DefaultDurationDays) =>
        ScratchOrgDefinitionReader.Parse(json, "config/project-scratch-def.json", Options(durationDays));

    public static JObject Body(string json) => Parse(json).CreateInsertBody();

    /// <summary>The refusal <paramref name="act"/> raises, after checking it has the id, a fix and its source as target.</summary>
    public static ScratchOrgDefinitionException Refused(string errorId, Action act)
    {
        var error = Assert.Throws<ScratchOrgDefinitionException>(act);
        Assert.Equal(errorId, error.ErrorId);
        Assert.False(string.IsNullOrWhiteSpace(error.Fix), "every refusal says what to change");
        Assert.EndsWith(error.Fix!, error.Message);
        return error;
    }

    /// <summary>The refusal for <paramref name="json"/> read as config/project-scratch-def.json.</summary>
    public static ScratchOrgDefinitionException Refused(string errorId, string json)
    {
        var error = Refused(errorId, () => Parse(json));
        Assert.Equal("config/project-scratch-def.json", error.DefinitionFile);
        Assert.Equal("config/project-scratch-def.json", error.Target);
        Assert.Contains("config/project-scratch-def.json", error.Message);
        return error;
    }

    /// <summary>JSON text parsed as the reader parses a file: dates stay strings, decimals keep their digits.</summary>
    public static JToken Json(string text)
    {
        using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
        return JToken.ReadFrom(reader);
    }

    /// <summary>Same JSON, property order aside.</summary>
    public static void AssertJson(string expected, JToken actual) =>
        Assert.True(JToken.DeepEquals(Json(expected), actual), $"expected {expected}\nactual   {actual.ToString(Formatting.None)}");
}
