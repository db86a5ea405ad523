using System.Globalization;
using System.Text.RegularExpressions;

namespace MockSalesforce.Query;

/// <summary>A loose reading of a SOQL query: selected fields, the sObject, an optional LIMIT and one equality filter.</summary>
internal sealed partial class SoqlQuery
{
    private SoqlQuery(IReadOnlyList<string> fields, string sObject, int? limit, (string Field, string Value)? equalsFilter)
    {
        Fields = fields;
        SObject = sObject;
        Limit = limit;
        EqualsFilter = equalsFilter;
    }

    public IReadOnlyList<string> Fields { get; }
    public string SObject { get; }
    public int? Limit { get; }
    public (string Field, string Value)? EqualsFilter { get; }

    public static SoqlQuery? TryParse(string? soql)
    {
        if (string.IsNullOrWhiteSpace(soql)) return null;
        var match = SelectFrom().Match(soql);
        if (!match.Success) return null;
        var fields = match.Groups["fields"].Value.Split(',').Select(f => f.Trim()).Where(f => f.Length > 0).ToArray();
        string rest = match.Groups["rest"].Value;
        var limitMatch = LimitClause().Match(rest);
        int? limit = limitMatch.Success ? int.Parse(limitMatch.Groups[1].Value, CultureInfo.InvariantCulture) : null;
        var whereMatch = WhereEquals().Match(rest);
        (string, string)? filter = whereMatch.Success ? (whereMatch.Groups["field"].Value, whereMatch.Groups["value"].Value) : null;
        return new SoqlQuery(fields, match.Groups["object"].Value, limit, filter);
    }

    [GeneratedRegex(@"^\s*SELECT\s+(?<fields>.+?)\s+FROM\s+(?<object>\w+)(?<rest>.*)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex SelectFrom();

    [GeneratedRegex(@"\bLIMIT\s+(\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex LimitClause();

    [GeneratedRegex(@"\bWHERE\s+(?<field>\w+)\s*=\s*'(?<value>[^']*)'", RegexOptions.IgnoreCase)]
    private static partial Regex WhereEquals();
}
