namespace DdGates.Model;

/// <summary>A monitor rule that selects monitors with a monitor search query.</summary>
public sealed record MonitorQueryOptions(string Query, MonitorSettings Settings) : RuleOptions
{
    public override RuleType Type => RuleType.Monitor;

    public override RuleOptions Normalize() => this with { Query = Query.Trim(), Settings = Settings.Normalize() };

    public override IReadOnlyList<KeyValuePair<string, string>> Describe() =>
        [new("query", Query), .. Settings.Describe()];
}
