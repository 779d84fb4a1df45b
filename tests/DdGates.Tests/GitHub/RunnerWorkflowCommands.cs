namespace DdGates.Tests.GitHub;

public sealed record ParsedCommand(string Command, IReadOnlyDictionary<string, string> Properties, string Data);

/// <summary>
/// A port of the runner's stdout command parser (actions/runner ActionCommand.TryParseV2):
/// <c>::command k=v,k=v::data</c> at line start after trimming leading whitespace; properties split
/// on ',' then on the first '='; keys are not trimmed; values and data are unescaped.
/// </summary>
internal static class RunnerWorkflowCommands
{
    public static List<ParsedCommand> Parse(string stdout)
    {
        var commands = new List<ParsedCommand>();
        foreach (var raw in stdout.Split('\n'))
        {
            var line = raw.TrimEnd('\r').TrimStart();
            if (!line.StartsWith("::", StringComparison.Ordinal)) continue;
            var end = line.IndexOf("::", 2, StringComparison.Ordinal);
            if (end < 0) continue;
            var head = line[2..end];
            var data = Unescape(line[(end + 2)..], property: false);
            var space = head.IndexOf(' ', StringComparison.Ordinal);
            var name = space < 0 ? head : head[..space];
            var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (space >= 0)
            {
                foreach (var pair in head[(space + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries))
                {
                    var equals = pair.IndexOf('=', StringComparison.Ordinal);
                    if (equals > 0) properties[pair[..equals]] = Unescape(pair[(equals + 1)..], property: true);
                }
            }

            commands.Add(new ParsedCommand(name, properties, data));
        }

        return commands;
    }

    private static string Unescape(string value, bool property)
    {
        value = value.Replace("%0D", "\r", StringComparison.Ordinal).Replace("%0A", "\n", StringComparison.Ordinal);
        if (property) value = value.Replace("%3A", ":", StringComparison.Ordinal).Replace("%2C", ",", StringComparison.Ordinal);
        return value.Replace("%25", "%", StringComparison.Ordinal);
    }
}
