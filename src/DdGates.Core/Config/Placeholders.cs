using System.Text;
using DdGates.Model;

namespace DdGates.Config;

/// <summary>
/// <c>{service}</c>, <c>{env}</c> and <c>{identifier}</c> in a rule's name, <c>options.query</c> and each
/// <c>options.excluded_resources</c> entry, replaced per gate; <c>{{</c> and <c>}}</c> are literal braces. Every other
/// text field takes its value as written, and a placeholder there is a mistake (it would reach Datadog unreplaced).
/// </summary>
public static class Placeholders
{
    public static readonly IReadOnlyList<string> Names = ["service", "env", "identifier"];

    /// <summary>Where placeholders are replaced, as messages and docs say it.</summary>
    public const string Fields = "a rule's name, options.query and options.excluded_resources";

    private const string Literal = "write {{ and }} for a literal brace";

    /// <summary>Why <paramref name="text"/> is not a template, or null. <paramref name="hint"/> suggests a name for an unknown one.</summary>
    public static string? Problem(string text, Func<string, IEnumerable<string>, string?> hint)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '}')
            {
                if (At(text, i + 1) == '}') i++;
                else return $"a }} at character {i + 1} closes no placeholder; {Literal}";
                continue;
            }

            if (text[i] != '{') continue;
            if (At(text, i + 1) == '{')
            {
                i++;
                continue;
            }

            var end = text.IndexOfAny(['{', '}'], i + 1);
            if (end < 0 || text[end] == '{') return $"the {{ at character {i + 1} is never closed; {Literal}";
            var name = text[(i + 1)..end];
            if (!Names.Contains(name))
            {
                var suggestion = hint(name, Names) is { } s ? $"; did you mean {{{s}}}?" : "";
                return $"unknown placeholder {{{Shorten(name)}}}{suggestion} The placeholders are {{service}}, {{env}} and {{identifier}}; {Literal}";
            }

            i = end;
        }

        return null;
    }

    /// <summary>The text for one gate: placeholders replaced, doubled braces halved. The text has passed <see cref="Problem"/>.</summary>
    public static string Expand(string text, GateKey key)
    {
        if (text.AsSpan().IndexOfAny('{', '}') < 0) return text;
        var expanded = new StringBuilder(text.Length + 32);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '}' || (c == '{' && At(text, i + 1) == '{'))
            {
                expanded.Append(c);
                i++;
                continue;
            }

            if (c != '{')
            {
                expanded.Append(c);
                continue;
            }

            var end = text.IndexOf('}', i + 1);
            expanded.Append(text.AsSpan(i + 1, end - i - 1) switch
            {
                "service" => key.Service,
                "env" => key.Env,
                _ => key.Identifier,
            });
            i = end;
        }

        return expanded.ToString();
    }

    /// <summary>The options with <paramref name="map"/> applied to each text that takes placeholders: the query, each excluded resource.</summary>
    public static RuleOptions InTemplates(RuleOptions options, Func<string, string> map) => options switch
    {
        MonitorQueryOptions q => q with { Query = map(q.Query) },
        FaultyDeploymentOptions { ExcludedResources: { } ex } f => f with { ExcludedResources = new(ex.Select(map)) },
        _ => options,
    };

    /// <summary>The options for one gate: every text that takes placeholders expanded (<see cref="Expand(string, GateKey)"/>).</summary>
    public static RuleOptions Expand(RuleOptions options, GateKey key) => InTemplates(options, text => Expand(text, key));

    /// <summary>The texts of the options that take placeholders (as <see cref="InTemplates"/> maps them).</summary>
    public static IEnumerable<string> TemplateTexts(RuleOptions options) => options switch
    {
        MonitorQueryOptions q => [q.Query],
        FaultyDeploymentOptions { ExcludedResources: { } ex } => ex,
        _ => [],
    };

    /// <summary>The texts of the options taken as written, where a placeholder is a mistake (the reader's <c>NodeReader.Literal</c> fields).</summary>
    public static IEnumerable<string> LiteralTexts(RuleOptions options) => options switch
    {
        FaultyDeploymentOptions { AllowedResources: { } allowed } => allowed,
        MonitorIdsOptions ids => ids.MonitorIds.SelectMany(m => m.Groups),
        _ => [],
    };

    /// <summary>The placeholder a field that takes none holds, or null: <c>{service}</c> there would reach Datadog as written.</summary>
    public static string? Misplaced(string text)
    {
        if (text.AsSpan().IndexOf('{') < 0) return null;
        var found = Names.FirstOrDefault(n => text.Contains($"{{{n}}}", StringComparison.Ordinal));
        return found is null ? null : $"{{{found}}} is not replaced here: placeholders work only in {Fields}";
    }

    /// <summary>
    /// Literal text as a template, with each value that stands as a whole word (not inside a longer run of letters,
    /// digits and underscores) replaced by its placeholder; where two values could start at one place, the longer wins.
    /// Expanding the result with the same values gives the text back.
    /// </summary>
    public static string Templatize(string text, IReadOnlyList<(string Name, string Value)> values)
    {
        var template = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length;)
        {
            var match = WordStart(text, i) ? Longest(text, i, values) : null;
            if (match is { } m)
            {
                template.Append('{').Append(m.Name).Append('}');
                i += m.Value.Length;
                continue;
            }

            template.Append(text[i] switch { '{' => "{{", '}' => "}}", var c => c.ToString() });
            i++;
        }

        return template.ToString();
    }

    private static (string Name, string Value)? Longest(string text, int at, IReadOnlyList<(string Name, string Value)> values)
    {
        (string Name, string Value)? best = null;
        foreach (var v in values)
        {
            if (v.Value.Length == 0 || (best is { } b && b.Value.Length >= v.Value.Length)) continue;
            if (string.CompareOrdinal(text, at, v.Value, 0, v.Value.Length) == 0 && !IsWord(At(text, at + v.Value.Length))) best = v;
        }

        return best;
    }

    private static bool WordStart(string text, int at) => at == 0 || !IsWord(text[at - 1]);

    private static bool IsWord(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static char At(string text, int i) => i < text.Length ? text[i] : '\0';

    private static string Shorten(string name) => Clip.To(name, 40);
}
