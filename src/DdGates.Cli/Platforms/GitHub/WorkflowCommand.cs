using System.Text;

namespace DdGates.Cli.Platforms.GitHub;

/// <summary>
/// GitHub workflow commands: <c>::name key=value,key=value::message</c>, escaped as @actions/core does.
/// WARNING: no space after the commas; the runner does not trim property keys.
/// </summary>
public static class WorkflowCommand
{
    public static string Format(string command, IEnumerable<KeyValuePair<string, string?>> properties, string message)
    {
        var text = new StringBuilder("::").Append(command);
        var props = properties.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Key}={EscapeProperty(p.Value!)}").ToList();
        if (props.Count > 0) text.Append(' ').AppendJoin(',', props);
        return text.Append("::").Append(EscapeData(message)).ToString();
    }

    /// <summary>
    /// Plain text that the runner would take for a command: a line that starts with "::" once leading white space is
    /// trimmed (StepCommand.TryParseV2), or holds "##[" anywhere (the older TryParse). Such a line is printed between
    /// <c>::stop-commands::TOKEN</c> and <c>::TOKEN::</c> with a fresh random token (ActionCommandManager: while stopped,
    /// no command is processed and the line is shown as it is), so it reads as written and does nothing.
    /// </summary>
    public static string Defuse(string line)
    {
        if (!line.TrimStart().StartsWith("::", StringComparison.Ordinal) && !line.Contains("##[", StringComparison.Ordinal)) return line;
        var token = Guid.NewGuid().ToString("N");
        return $"::stop-commands::{token}\n{line}\n::{token}::";
    }

    public static string EscapeData(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    public static string EscapeProperty(string value) =>
        EscapeData(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
