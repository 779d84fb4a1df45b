using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DdGates.Config;

/// <summary>
/// Typed reads over YAML nodes that record a <see cref="Diagnostic"/> instead of throwing, so that
/// every problem in a file is reported in one run.
/// </summary>
internal sealed class NodeReader(string file, List<Diagnostic> diagnostics)
{
    private const int MaxNodes = 200_000;
    private int _visited;

    public string File => file;

    public void Error(YamlNode? node, string path, string message) =>
        diagnostics.Add(new Diagnostic(file, (int)(node?.Start.Line ?? 0), (int)(node?.Start.Column ?? 0), path, message));

    /// <summary>The fields of a mapping; unknown ones are reported (with a suggestion) and skipped.</summary>
    public Dictionary<string, YamlNode>? Fields(YamlNode node, string path, IReadOnlyCollection<string> allowed)
    {
        if (!Visit(node, path)) return null;
        if (node is not YamlMappingNode map)
        {
            Error(node, path, $"expected a mapping with fields {string.Join(", ", allowed)}, found {Kind(node)}");
            return null;
        }

        var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (allowed.Contains(key))
            {
                fields[key] = value;
                continue;
            }

            var hint = Hint(key, allowed) is { } s ? $"; did you mean \"{s}\"?" : $"; allowed: {string.Join(", ", allowed)}";
            Error(keyNode, Join(path, key), $"unknown field{hint}");
        }

        return fields;
    }

    public IReadOnlyList<YamlNode>? Sequence(YamlNode node, string path)
    {
        if (!Visit(node, path)) return null;
        if (node is YamlSequenceNode seq) return [.. seq.Children];
        Error(node, path, $"expected a list, found {Kind(node)}");
        return null;
    }

    /// <summary>A text value. A number, true/false or null written without quotes is not text (YAML 1.2 and JSON agree; so does the schema).</summary>
    public string? String(YamlNode node, string path)
    {
        if (!Visit(node, path)) return null;
        if (node is YamlScalarNode { Value: { } value } scalar && Scalars.KindOf(scalar) == ScalarKind.Text) return value;
        Error(node, path, IsNull(node) ? "must not be empty" : $"expected a text value, found {Kind(node)}{QuoteHint(node)}");
        return null;
    }

    /// <summary>Text taken as written, in a field that takes no placeholders: <c>{service}</c> here is a mistake, reported.</summary>
    public string? Literal(YamlNode node, string path)
    {
        if (String(node, path) is not { } value) return null;
        if (Placeholders.Misplaced(value) is not { } problem) return value;
        Error(node, path, problem);
        return null;
    }

    /// <summary>Text with placeholders (<see cref="Placeholders"/>): an unknown, unclosed or stray one is reported.</summary>
    public string? Template(YamlNode node, string path)
    {
        if (String(node, path) is not { } value) return null;
        if (Placeholders.Problem(value, Hint) is not { } problem) return value;
        Error(node, path, problem);
        return null;
    }

    /// <summary>true or false, unquoted: a quoted "true" is text, and text is not a switch.</summary>
    public bool? Bool(YamlNode node, string path)
    {
        if (!Visit(node, path)) return null;
        if (node is YamlScalarNode { Value: { } v } scalar && Scalars.KindOf(scalar) == ScalarKind.Boolean && YamlBool.TryParse(v, out var value)) return value;

        Error(node, path, $"expected true or false, found {Describe(node)}{(node is YamlScalarNode { Style: not ScalarStyle.Plain } ? " (a quoted value is text: write true or false without quotes)" : "")}");
        return null;
    }

    /// <summary>A whole number, unquoted: 300, 1e3 and 1000.0 are whole numbers (as in JSON Schema); "300" is text.</summary>
    public long? Integer(YamlNode node, string path, long min, long max, string unit = "")
    {
        if (!Visit(node, path)) return null;
        if (node is YamlScalarNode scalar && Scalars.WholeNumber(scalar) is { } n)
        {
            if (n >= min && n <= max) return (long)n;
            Error(node, path, $"must be between {min} and {max}{unit}, found {n.ToString(CultureInfo.InvariantCulture)}");
            return null;
        }

        Error(node, path, $"expected a whole number between {min} and {max}{unit}, found {Describe(node)}{(node is YamlScalarNode { Style: not ScalarStyle.Plain } ? " (a quoted value is text: write the number without quotes)" : "")}");
        return null;
    }

    /// <summary>"did you mean": only for the first problems a file shows, so a file of thousands of typos stays linear.</summary>
    public string? Hint(string typed, IEnumerable<string> known) =>
        diagnostics.Count < GatesFile.MaxProblemsShown ? Suggest.Closest(typed, known) : null;

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    public static string Join(string path, string field) => path.Length == 0 ? field : $"{path}.{field}";

    private bool Visit(YamlNode node, string path)
    {
        // Aliases share nodes, so a small file can expand to a huge tree: stop walking past a bound.
        if (++_visited <= MaxNodes) return true;
        if (_visited == MaxNodes + 1) Error(node, path, $"the document expands to more than {MaxNodes} values (aliases?); split it up");
        return false;
    }

    private static string Kind(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        _ when IsNull(node) => "nothing",
        _ => Describe(node),
    };

    private static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode s when IsNull(s) => "nothing",
        YamlScalarNode s when Scalars.KindOf(s) == ScalarKind.Boolean => $"the value {s.Value}",
        YamlScalarNode s when Scalars.KindOf(s) == ScalarKind.Number => $"the number {Truncate(s.Value ?? "")}",
        YamlScalarNode s => $"\"{Truncate(s.Value ?? "")}\"",
        _ => Kind(node),
    };

    private static string QuoteHint(YamlNode node) =>
        node is YamlScalarNode s && Scalars.KindOf(s) is ScalarKind.Number or ScalarKind.Boolean ? $" (quote it to make it text: \"{Truncate(s.Value ?? "")}\")" : "";

    private static string Truncate(string s) => Clip.To(s, 60);
}
