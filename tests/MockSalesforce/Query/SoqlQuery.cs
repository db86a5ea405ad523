using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MockSalesforce.Query;

/// <summary>
/// The SOQL the mock understands: <c>SELECT f, Rel.f FROM Object [WHERE c AND c ...] [ORDER BY ...] [LIMIT n] [OFFSET n]</c>
/// with conditions <c>=</c>, <c>!=</c>/<c>&lt;&gt;</c> and <c>IN (...)</c> on string, number, boolean and null literals.
/// Anything else (OR, ranges, functions) is refused rather than half-understood.
/// </summary>
internal sealed partial class SoqlQuery
{
    private readonly List<Token> _tokens;
    private int _position;

    private SoqlQuery(List<Token> tokens) => _tokens = tokens;

    public IReadOnlyList<string> Fields { get; private set; } = Array.Empty<string>();
    public string SObject { get; private set; } = "";
    public IReadOnlyList<SoqlCondition> Conditions { get; private set; } = Array.Empty<SoqlCondition>();
    public int? Limit { get; private set; }
    public int Offset { get; private set; }

    /// <summary>The parsed query, or null when it is malformed or uses what the mock does not support.</summary>
    public static SoqlQuery? TryParse(string? soql)
    {
        if (string.IsNullOrWhiteSpace(soql)) return null;
        var tokens = Tokenize(soql);
        if (tokens is null) return null;
        var query = new SoqlQuery(tokens);
        return query.Parse() ? query : null;
    }

    private bool Parse()
    {
        if (!Keyword("SELECT")) return false;
        var fields = new List<string>();
        do
        {
            if (Next() is not { Kind: TokenKind.Word } field) return false;
            fields.Add(field.Text);
        } while (Symbol(","));
        if (!Keyword("FROM") || Next() is not { Kind: TokenKind.Word } sObject || sObject.Text.Contains('.')) return false;
        Fields = fields;
        SObject = sObject.Text;
        if (Keyword("WHERE"))
        {
            var conditions = new List<SoqlCondition>();
            do
            {
                var condition = ReadCondition();
                if (condition is null) return false;
                conditions.Add(condition);
            } while (Keyword("AND"));
            Conditions = conditions;
        }
        if (Keyword("ORDER"))
        {
            if (!Keyword("BY")) return false;
            // Ordering is ignored: records come oldest first.
            while (Peek() is { } token && !IsKeyword(token, "LIMIT") && !IsKeyword(token, "OFFSET")) _position++;
        }
        if (Keyword("LIMIT"))
        {
            if (Next() is not { Kind: TokenKind.Number } limit) return false;
            Limit = int.Parse(limit.Text, CultureInfo.InvariantCulture);
        }
        if (Keyword("OFFSET"))
        {
            if (Next() is not { Kind: TokenKind.Number } offset) return false;
            Offset = int.Parse(offset.Text, CultureInfo.InvariantCulture);
        }
        return _position == _tokens.Count;
    }

    private SoqlCondition? ReadCondition()
    {
        if (Next() is not { Kind: TokenKind.Word } field) return null;
        if (Keyword("IN"))
        {
            if (!Symbol("(")) return null;
            var values = new List<object?>();
            do
            {
                if (!TryLiteral(out var value)) return null;
                values.Add(value);
            } while (Symbol(","));
            return Symbol(")") ? new SoqlCondition(field.Text, SoqlOperator.In, values) : null;
        }
        SoqlOperator? op = Symbol("=") ? SoqlOperator.Equals : Symbol("!=") || Symbol("<>") ? SoqlOperator.NotEquals : null;
        if (op is null || !TryLiteral(out var literal)) return null;
        return new SoqlCondition(field.Text, op.Value, new[] { literal });
    }

    private bool TryLiteral(out object? value)
    {
        value = null;
        var token = Next();
        switch (token?.Kind)
        {
            case TokenKind.String:
                value = token.Text;
                return true;
            case TokenKind.Number:
                value = decimal.Parse(token.Text, CultureInfo.InvariantCulture);
                return true;
            case TokenKind.Word when token.Text.Equals("null", StringComparison.OrdinalIgnoreCase):
                return true;
            case TokenKind.Word when bool.TryParse(token.Text, out bool flag):
                value = flag;
                return true;
            default:
                return false;
        }
    }

    private Token? Peek() => _position < _tokens.Count ? _tokens[_position] : null;

    private Token? Next() => _position < _tokens.Count ? _tokens[_position++] : null;

    private bool Keyword(string keyword)
    {
        if (Peek() is not { } token || !IsKeyword(token, keyword)) return false;
        _position++;
        return true;
    }

    private bool Symbol(string symbol)
    {
        if (Peek() is not { Kind: TokenKind.Symbol } token || token.Text != symbol) return false;
        _position++;
        return true;
    }

    private static bool IsKeyword(Token token, string keyword) =>
        token.Kind == TokenKind.Word && token.Text.Equals(keyword, StringComparison.OrdinalIgnoreCase);

    private static List<Token>? Tokenize(string soql)
    {
        var tokens = new List<Token>();
        int index = 0;
        while (index < soql.Length)
        {
            var match = TokenPattern().Match(soql, index);
            if (!match.Success || match.Index != index) return null;
            index += match.Length;
            if (match.Groups["string"].Success) tokens.Add(new Token(TokenKind.String, Unescape(match.Groups["string"].Value)));
            else if (match.Groups["number"].Success) tokens.Add(new Token(TokenKind.Number, match.Groups["number"].Value));
            else if (match.Groups["symbol"].Success) tokens.Add(new Token(TokenKind.Symbol, match.Groups["symbol"].Value));
            else if (match.Groups["word"].Success) tokens.Add(new Token(TokenKind.Word, match.Groups["word"].Value));
        }
        return tokens;
    }

    private static string Unescape(string quoted)
    {
        var text = new StringBuilder();
        for (int i = 1; i < quoted.Length - 1; i++)
        {
            char c = quoted[i];
            if (c == '\\' && i + 1 < quoted.Length - 1)
            {
                char escaped = quoted[++i];
                text.Append(escaped switch { 'n' => '\n', 't' => '\t', 'r' => '\r', _ => escaped });
            }
            else text.Append(c);
        }
        return text.ToString();
    }

    private enum TokenKind { Word, String, Number, Symbol }

    private sealed record Token(TokenKind Kind, string Text);

    [GeneratedRegex(@"\s*(?:(?<string>'(?:\\.|[^'\\])*')|(?<number>-?\d+(?:\.\d+)?)|(?<symbol>!=|<>|[=(),])|(?<word>[A-Za-z_][\w.]*))\s*", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();
}
