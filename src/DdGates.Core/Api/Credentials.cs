namespace DdGates.Api;

/// <summary>The two Datadog keys. <see cref="ToString"/> never shows them.</summary>
public sealed class Credentials(string apiKey, string appKey)
{
    public string ApiKey { get; } = apiKey;
    public string AppKey { get; } = appKey;

    public override string ToString() => "Credentials(***)";

    /// <summary>Checks a key's shape without ever echoing its value; null when fine.</summary>
    public static string? Problem(string? value, string source)
    {
        if (string.IsNullOrEmpty(value)) return $"{source} is not set";
        if (value.Trim().Length == 0) return $"{source} is blank";
        if (value.Trim().Length != value.Length) return $"{source} has leading or trailing whitespace (a stray newline from a secret store?); remove it";
        if (value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))) return $"{source} contains whitespace or control characters";
        return null;
    }
}
