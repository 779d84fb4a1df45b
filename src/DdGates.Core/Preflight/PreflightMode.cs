namespace DdGates.Preflight;

/// <summary>What plan and apply do with a monitor rule that would fail for its match count: warn (default), fail, or not check.</summary>
public enum PreflightMode
{
    Warn,
    Fail,
    Off,
}

public static class PreflightModes
{
    public static readonly IReadOnlyList<string> Names = ["warn", "fail", "off"];

    public static PreflightMode? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "warn" => PreflightMode.Warn,
        "fail" => PreflightMode.Fail,
        "off" => PreflightMode.Off,
        _ => null,
    };
}
