namespace DdGates.Model;

/// <summary>Fields shared by both ways of choosing monitors (by query and by id).</summary>
public sealed record MonitorSettings(long? Duration, long? Warmup, bool? FailOnNoData, bool? FailOnNoGroupsFound)
{
    public const bool DefaultFailOnNoData = true;
    public const bool DefaultFailOnNoGroupsFound = false;
    public const long DefaultWarmup = 0;

    public static readonly MonitorSettings None = new(null, null, null, null);

    // WARNING: the service's defaults are fail_on_no_data true, fail_on_no_groups_found false and warmup 0, and it
    // leaves a field out of an echoed rule when it equals its default (docs/datadog-api.md): absent and default are
    // one value, so both become absent here, and only values that differ from the default are sent.
    public MonitorSettings Normalize() => this with
    {
        Warmup = Warmup == DefaultWarmup ? null : Warmup,
        FailOnNoData = FailOnNoData == DefaultFailOnNoData ? null : FailOnNoData,
        FailOnNoGroupsFound = FailOnNoGroupsFound == DefaultFailOnNoGroupsFound ? null : FailOnNoGroupsFound,
    };

    public IEnumerable<KeyValuePair<string, string>> Describe()
    {
        if (Duration is { } d) yield return new("duration", d.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (Warmup is { } w) yield return new("warmup", w.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (FailOnNoData is { } n) yield return new("fail_on_no_data", n ? "true" : "false");
        if (FailOnNoGroupsFound is { } g) yield return new("fail_on_no_groups_found", g ? "true" : "false");
    }
}
