namespace DdGates.Model;

/// <summary>Watchdog faulty deployment detection. At most one of the two resource lists is set.</summary>
public sealed record FaultyDeploymentOptions(
    long? Duration,
    EquatableList<string>? ExcludedResources,
    EquatableList<string>? AllowedResources) : RuleOptions
{
    public override RuleType Type => RuleType.FaultyDeploymentDetection;

    // WARNING: the server echoes {"excluded_resources": []} back as {}; an empty list and no list are the same.
    public override RuleOptions Normalize() => this with
    {
        ExcludedResources = SortedOrNull(ExcludedResources),
        AllowedResources = SortedOrNull(AllowedResources),
    };

    public override IReadOnlyList<KeyValuePair<string, string>> Describe()
    {
        var fields = new List<KeyValuePair<string, string>>();
        if (Duration is { } d) fields.Add(new("duration", d.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (ExcludedResources is { Count: > 0 } ex) fields.Add(new("excluded_resources", string.Join(", ", ex)));
        if (AllowedResources is { Count: > 0 } al) fields.Add(new("allowed_resources", string.Join(", ", al)));
        return fields;
    }

    private static EquatableList<string>? SortedOrNull(EquatableList<string>? list) =>
        list is null || list.Count == 0 ? null : new(list.Distinct().Order(StringComparer.Ordinal));
}
