namespace DdGates.Cli.Commands.Reconcile;

/// <summary><c>--rules</c> takes a path or the rules themselves: inline text is anything with a newline or starting with <c>{</c> or <c>[</c>.</summary>
public static class RulesSource
{
    public const string InlineName = "(inline rules)";

    public static (string? Text, string Name) Resolve(string value, Func<string, string?> readFile)
    {
        var trimmed = value.TrimStart();
        var inline = value.Contains('\n', StringComparison.Ordinal) || trimmed.StartsWith('{') || trimmed.StartsWith('[');
        return inline ? (value, InlineName) : (readFile(value), value);
    }
}
