namespace DdGates.Emulator;

/// <summary>
/// The subset of the Manage Monitors search syntax the emulator answers: <c>attribute:value</c> terms (a tag
/// <c>attribute:value</c> on the monitor; <c>tag:value</c> for any tag), quoted values, implicit AND (and the words AND,
/// OR, NOT), parentheses, <c>muted:true|false</c>, <c>status:</c> with a parse error for an unknown status, <c>*</c>
/// wildcards in values, and free text against monitor names (case-insensitive).
/// </summary>
internal static class MonitorQuery
{
    private static readonly string[] Statuses = ["alert", "warn", "no data", "ok", "ignored", "skipped", "unknown"];

    public static bool TryParse(string query, out Func<MonitorRecord, bool> matches, out string error)
    {
        matches = _ => true;
        error = "";
        try
        {
            var tokens = Tokens(query);
            var at = 0;
            if (tokens.Count == 0) return true;
            matches = Or(tokens, ref at);
            if (at < tokens.Count) throw new FormatException($"unexpected '{tokens[at]}'");
            return true;
        }
        catch (FormatException e)
        {
            error = e.Message;
            return false;
        }
    }

    private static Func<MonitorRecord, bool> Or(List<string> t, ref int at)
    {
        var left = And(t, ref at);
        while (at < t.Count && t[at] == "OR")
        {
            at++;
            var (l, r) = (left, And(t, ref at));
            left = m => l(m) || r(m);
        }

        return left;
    }

    private static Func<MonitorRecord, bool> And(List<string> t, ref int at)
    {
        var left = Unary(t, ref at);
        while (at < t.Count && t[at] is not ("OR" or ")"))
        {
            if (t[at] == "AND") at++;
            var (l, r) = (left, Unary(t, ref at));
            left = m => l(m) && r(m);
        }

        return left;
    }

    private static Func<MonitorRecord, bool> Unary(List<string> t, ref int at)
    {
        if (at >= t.Count) throw new FormatException("the query ends where a term was expected");
        if (t[at] == "NOT")
        {
            at++;
            var inner = Unary(t, ref at);
            return m => !inner(m);
        }

        if (t[at] == "(")
        {
            at++;
            var inner = Or(t, ref at);
            if (at >= t.Count || t[at] != ")") throw new FormatException("a '(' is never closed");
            at++;
            return inner;
        }

        if (t[at] == ")") throw new FormatException("a ')' closes nothing");
        return Term(t[at++]);
    }

    private static Func<MonitorRecord, bool> Term(string term)
    {
        var colon = term.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0) return Text(Unquote(term));
        var (attribute, value) = (term[..colon].ToLowerInvariant(), Unquote(term[(colon + 1)..]));
        switch (attribute)
        {
            case "muted":
                if (value is not ("true" or "false")) throw new FormatException($"'{value}' is not a valid value for muted");
                var muted = value == "true";
                return m => m.Muted == muted;
            case "status":
                if (!Statuses.Contains(value.ToLowerInvariant())) throw new FormatException($"'{value}' is not a valid monitor status");
                return m => string.Equals(m.Status, value, StringComparison.OrdinalIgnoreCase);
            case "tag":
                return m => m.Tags.Any(tag => Like(tag, value));
            default:
                return m => m.Tags.Any(tag => tag.StartsWith(attribute + ":", StringComparison.OrdinalIgnoreCase) && Like(tag[(attribute.Length + 1)..], value));
        }
    }

    private static Func<MonitorRecord, bool> Text(string words) => m => m.Name.Contains(words, StringComparison.OrdinalIgnoreCase);

    private static bool Like(string text, string pattern) => pattern.Contains('*', StringComparison.Ordinal)
        ? System.Text.RegularExpressions.Regex.IsMatch(text, "^" + string.Join(".*", pattern.Split('*').Select(System.Text.RegularExpressions.Regex.Escape)) + "$",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(100))
        : string.Equals(text, pattern, StringComparison.OrdinalIgnoreCase);

    private static string Unquote(string value) => value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1] : value;

    /// <summary>Parentheses, and runs of other characters where a double-quoted part may hold spaces and parentheses.</summary>
    private static List<string> Tokens(string query)
    {
        var tokens = new List<string>();
        for (var i = 0; i < query.Length;)
        {
            var c = query[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (c is '(' or ')')
            {
                tokens.Add(c.ToString());
                i++;
                continue;
            }

            var start = i;
            while (i < query.Length && !char.IsWhiteSpace(query[i]) && query[i] is not ('(' or ')'))
            {
                if (query[i] == '"')
                {
                    var close = query.IndexOf('"', i + 1);
                    if (close < 0) throw new FormatException("a '\"' is never closed");
                    i = close;
                }

                i++;
            }

            tokens.Add(query[start..i]);
        }

        return tokens;
    }
}
