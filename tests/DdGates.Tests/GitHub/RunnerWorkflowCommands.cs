namespace DdGates.Tests.GitHub;

public sealed record ParsedCommand(string Command, IReadOnlyDictionary<string, string> Properties, string Data);

/// <summary>
/// A port of how the runner reads a step's output for commands (actions/runner at 258d6c8: ActionCommandManager.TryProcessCommand,
/// StepCommand.TryParseV2 and TryParse). Lines end at \n, \r\n or a lone \r (StreamReader.ReadLine). A line is a command when,
/// after trimming leading white space, it is <c>::command k=v,k=v::data</c> (properties split on ',' then the first '='; keys not
/// trimmed), or when it holds <c>##[command k=v;k=v]data</c> anywhere (the older form). <c>::stop-commands::TOKEN</c> stops all
/// processing until a line that is the command TOKEN; neither of the two is returned. Unlike the runner, any command name counts,
/// not only the registered ones, so a test sees every line the runner could take for a command.
/// </summary>
internal static class RunnerWorkflowCommands
{
    public static List<ParsedCommand> Parse(string stdout)
    {
        var commands = new List<ParsedCommand>();
        string? stopToken = null;
        foreach (var raw in stdout.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', '\r'))
        {
            if ((ParseV2(raw) ?? ParseV1(raw)) is not { } command) continue;
            if (stopToken is not null)
            {
                if (string.Equals(command.Command, stopToken, StringComparison.OrdinalIgnoreCase)) stopToken = null;
                continue;
            }

            if (string.Equals(command.Command, "stop-commands", StringComparison.OrdinalIgnoreCase))
            {
                stopToken = command.Data;
                continue;
            }

            commands.Add(command);
        }

        return commands;
    }

    private static ParsedCommand? ParseV2(string raw)
    {
        var line = raw.TrimStart();
        if (!line.StartsWith("::", StringComparison.Ordinal)) return null;
        var end = line.IndexOf("::", 2, StringComparison.Ordinal);
        if (end < 0) return null;
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

        return new ParsedCommand(name, properties, data);
    }

    private static ParsedCommand? ParseV1(string line)
    {
        var prefix = line.IndexOf("##[", StringComparison.Ordinal);
        if (prefix < 0) return null;
        var close = line.IndexOf(']', prefix);
        if (close < 0) return null;
        var info = line[(prefix + 3)..close];
        var space = info.IndexOf(' ', StringComparison.Ordinal);
        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (space > 0)
        {
            foreach (var pair in info[(space + 1)..].Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0) properties[pair[..equals]] = pair[(equals + 1)..];
            }
        }

        return new ParsedCommand(space < 0 ? info : info[..space], properties, line[(close + 1)..]);
    }

    private static string Unescape(string value, bool property)
    {
        value = value.Replace("%0D", "\r", StringComparison.Ordinal).Replace("%0A", "\n", StringComparison.Ordinal);
        if (property) value = value.Replace("%3A", ":", StringComparison.Ordinal).Replace("%2C", ",", StringComparison.Ordinal);
        return value.Replace("%25", "%", StringComparison.Ordinal);
    }
}
