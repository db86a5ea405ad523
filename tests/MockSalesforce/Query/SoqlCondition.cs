using System.Globalization;

namespace MockSalesforce.Query;

/// <summary>One WHERE condition: <c>Field = literal</c>, <c>Field != literal</c> (or <c>&lt;&gt;</c>), <c>Field IN (literals)</c>.</summary>
internal sealed record SoqlCondition(string Field, SoqlOperator Operator, IReadOnlyList<object?> Values)
{
    public bool Matches(object? value) => Operator switch
    {
        SoqlOperator.Equals => SoqlValues.Same(Field, value, Values[0]),
        SoqlOperator.NotEquals => !SoqlValues.Same(Field, value, Values[0]),
        _ => Values.Any(literal => SoqlValues.Same(Field, value, literal)),
    };
}

/// <summary>The comparison of a condition.</summary>
internal enum SoqlOperator
{
    Equals,
    NotEquals,
    In,
}

/// <summary>How SOQL compares a field with a literal: strings case-insensitively, ids by their first 15 characters.</summary>
internal static class SoqlValues
{
    public static bool Same(string field, object? value, object? literal)
    {
        if (value is null || literal is null) return value is null && literal is null;
        if (value is bool flag) return literal is bool other && flag == other;
        if (value is int or long or double && literal is decimal number)
            return Convert.ToDecimal(value, CultureInfo.InvariantCulture) == number;
        string text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        string wanted = Convert.ToString(literal, CultureInfo.InvariantCulture) ?? "";
        if (IsIdField(field) && text.Length == 18 && wanted.Length is 15 or 18)
            return string.CompareOrdinal(text, 0, wanted, 0, 15) == 0;
        return string.Equals(text, wanted, StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsIdField(string field)
    {
        string last = field[(field.LastIndexOf('.') + 1)..];
        return last.EndsWith("Id", StringComparison.OrdinalIgnoreCase);
    }
}
