namespace DdGates.Cli.Platforms.AzurePipelines;

/// <summary>
/// Azure Pipelines logging commands: <c>##vso[area.event k=v;k=v]data</c>, escaped as the agent
/// decodes them. WARNING: the agent finds <c>##vso[</c> anywhere in a line, so plain text that holds
/// it (a rule name, a query) is defused before it is printed.
/// </summary>
public static class LoggingCommand
{
    public static string Format(string command, IEnumerable<KeyValuePair<string, string?>> properties, string data)
    {
        var props = string.Join(";", properties.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Key}={EscapeProperty(p.Value!)}"));
        return $"##vso[{command}{(props.Length > 0 ? " " + props : "")}]{EscapeData(data)}";
    }

    public static string EscapeData(string value) =>
        value.Replace("%", "%AZP25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    public static string EscapeProperty(string value) =>
        EscapeData(value).Replace("]", "%5D", StringComparison.Ordinal).Replace(";", "%3B", StringComparison.Ordinal);

    /// <summary>
    /// Plain text that cannot be taken for a command and holds no "##vso" at all: the agent warns
    /// ("contains logging command keyword") about every line that merely contains it (WorkerCommandManager).
    /// </summary>
    public static string Defuse(string text) =>
        text.Replace("##vso", "## vso", StringComparison.OrdinalIgnoreCase).Replace("##[", "## [", StringComparison.Ordinal);
}
