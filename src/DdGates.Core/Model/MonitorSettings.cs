namespace DdGates.Model;

/// <summary>Fields shared by both ways of choosing monitors (by query and by id).</summary>
public sealed record MonitorSettings(long? Duration, long? Warmup, bool? FailOnNoData, bool? FailOnNoGroupsFound)
{
    public static readonly MonitorSettings None = new(null, null, null, null);

    public MonitorSettings Normalize() => this with
    {
        // false is the server's default for both switches: an explicit false and an absent field mean the same.
        FailOnNoData = FailOnNoData == true ? true : null,
        FailOnNoGroupsFound = FailOnNoGroupsFound == true ? true : null,
    };

    public IEnumerable<KeyValuePair<string, string>> Describe()
    {
        if (Duration is { } d) yield return new("duration", d.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (Warmup is { } w) yield return new("warmup", w.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (FailOnNoData is { } n) yield return new("fail_on_no_data", n ? "true" : "false");
        if (FailOnNoGroupsFound is { } g) yield return new("fail_on_no_groups_found", g ? "true" : "false");
    }
}
