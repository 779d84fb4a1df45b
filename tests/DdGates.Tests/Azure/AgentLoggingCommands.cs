namespace DdGates.Tests.Azure;

public sealed record AgentCommand(string Area, string Event, IReadOnlyDictionary<string, string> Properties, string Data);

/// <summary>
/// A port of the agent's logging-command parser (azure-pipelines-agent Command.cs): <c>##vso[</c>
/// anywhere in a line, then <c>area.event k=v;k=v]data</c>; properties split on ';' then the first
/// '='; keys case-insensitive; %AZP25, %0D, %0A, %5D, %3B decoded.
/// </summary>
internal static class AgentLoggingCommands
{
    public static List<AgentCommand> Parse(string stdout)
    {
        var commands = new List<AgentCommand>();
        foreach (var line in stdout.Split('\n').Select(l => l.TrimEnd('\r')))
        {
            var start = line.IndexOf("##vso[", StringComparison.Ordinal);
            if (start < 0) continue;
            var close = line.IndexOf(']', start);
            if (close < 0) continue;
            var head = line[(start + 6)..close];
            var space = head.IndexOf(' ', StringComparison.Ordinal);
            var name = space < 0 ? head : head[..space];
            var dot = name.IndexOf('.', StringComparison.Ordinal);
            if (dot < 0) continue;
            var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (space >= 0)
            {
                foreach (var pair in head[(space + 1)..].Split(';', StringSplitOptions.RemoveEmptyEntries))
                {
                    var equals = pair.IndexOf('=', StringComparison.Ordinal);
                    if (equals > 0) properties[pair[..equals]] = Decode(pair[(equals + 1)..]);
                }
            }

            commands.Add(new AgentCommand(name[..dot], name[(dot + 1)..], properties, Decode(line[(close + 1)..])));
        }

        return commands;
    }

    private static string Decode(string value) => value
        .Replace("%0D", "\r", StringComparison.Ordinal).Replace("%0A", "\n", StringComparison.Ordinal)
        .Replace("%5D", "]", StringComparison.Ordinal).Replace("%3B", ";", StringComparison.Ordinal)
        .Replace("%AZP25", "%", StringComparison.Ordinal);
}
