using System.Globalization;
using System.Text.RegularExpressions;

namespace MockSalesforce.Query;

/// <summary>A loose reading of a SOQL query: selected fields, the sObject, an optional LIMIT and equality filters.</summary>
internal sealed partial class SoqlQuery
{
    private SoqlQuery(IReadOnlyList<string> fields, string sObject, int? limit, IReadOnlyList<(string Field, string Value)> equalsFilters)
    {
        Fields = fields;
        SObject = sObject;
        Limit = limit;
        EqualsFilters = equalsFilters;
    }

    public IReadOnlyList<string> Fields { get; }
    public string SObject { get; }
    public int? Limit { get; }
    /// <summary>Every "Field = 'value'" in the WHERE clause, read as ANDed together.</summary>
    public IReadOnlyList<(string Field, string Value)> EqualsFilters { get; }

    public static SoqlQuery? TryParse(string? soql)
    {
        if (string.IsNullOrWhiteSpace(soql)) return null;
        var match = SelectFrom().Match(soql);
        if (!match.Success) return null;
        var fields = match.Groups["fields"].Value.Split(',').Select(f => f.Trim()).Where(f => f.Length > 0).ToArray();
        string rest = match.Groups["rest"].Value;
        var limitMatch = LimitClause().Match(rest);
        int? limit = limitMatch.Success ? int.Parse(limitMatch.Groups[1].Value, CultureInfo.InvariantCulture) : null;
        int where = rest.IndexOf("WHERE", StringComparison.OrdinalIgnoreCase);
        var filters = where < 0
            ? Array.Empty<(string, string)>()
            : FieldEquals().Matches(rest[where..]).Select(m => (m.Groups["field"].Value, m.Groups["value"].Value)).ToArray();
        return new SoqlQuery(fields, match.Groups["object"].Value, limit, filters);
    }

    [GeneratedRegex(@"^\s*SELECT\s+(?<fields>.+?)\s+FROM\s+(?<object>\w+)(?<rest>.*)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex SelectFrom();

    [GeneratedRegex(@"\bLIMIT\s+(\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex LimitClause();

    [GeneratedRegex(@"\b(?<field>\w+)\s*=\s*'(?<value>[^']*)'", RegexOptions.IgnoreCase)]
    private static partial Regex FieldEquals();
}
