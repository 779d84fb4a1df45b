using DdGates.Config;
namespace DdGates.Model;

/// <summary>A monitor rule that selects monitors by id, optionally narrowed to exact groups.</summary>
public sealed record MonitorIdsOptions(EquatableList<MonitorRef> MonitorIds, MonitorSettings Settings) : RuleOptions
{
    public override RuleType Type => RuleType.Monitor;

    public override RuleOptions Normalize() => this with
    {
        MonitorIds = new(MonitorIds.Select(m => m.Normalize()).OrderBy(m => m.Id, StringComparer.Ordinal)),
        Settings = Settings.Normalize(),
    };

    public override IReadOnlyList<KeyValuePair<string, string>> Describe() =>
        [new("monitor_ids", string.Join(", ", MonitorIds.Select(m => m.ToString()))), .. Settings.Describe()];
}

/// <summary>One monitor by its decimal id; an empty group list means all groups.</summary>
public sealed record MonitorRef(string Id, EquatableList<string> Groups)
{
    public MonitorRef Normalize() => this with { Groups = new(Groups.Distinct().Order(StringComparer.Ordinal)) };

    public override string ToString() => Groups.Count == 0 ? Id : $"{Id} [{string.Join(", ", Groups)}]";
}
