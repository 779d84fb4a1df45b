using System.Text.RegularExpressions;

namespace DdGates.Http;

/// <summary>
/// The secrets one run holds (keys, tokens, a password in a URL), and the one function that takes them out of a text
/// before it reaches any output. Server bodies, headers and file values pass through <see cref="Redact"/>; so does every
/// line the program prints or writes (docs/security.md).
/// </summary>
public sealed partial class SecretSet
{
    /// <summary>Shorter values are not redacted: no real key or token is this short, and hiding every "abc" would garble the output.</summary>
    public const int MinLength = 4;
    public const string Mask = "***";

    private readonly Lock _lock = new();
    private string[] _values = [];

    public SecretSet(params IEnumerable<string?> values)
    {
        foreach (var value in values) Add(value);
    }

    public IReadOnlyList<string> Values => _values;

    /// <summary>Adds a secret (and its trimmed form, which is what is sent); blank or short values are ignored.</summary>
    public void Add(string? value)
    {
        if (value is null) return;
        lock (_lock)
        {
            // Longest first, so a secret that contains another is hidden whole.
            _values = [.. _values.Concat([value, value.Trim()]).Where(v => v.Length >= MinLength).Distinct(StringComparer.Ordinal).OrderByDescending(v => v.Length)];
        }
    }

    /// <summary>The text with every secret and every user:password@ of a URL replaced by <see cref="Mask"/>.</summary>
    public string Redact(string text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        foreach (var secret in _values)
        {
            if (text.Contains(secret, StringComparison.Ordinal)) text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text.Contains("://", StringComparison.Ordinal) ? UserInfo().Replace(text, "$1" + Mask + "@") : text;
    }

    [GeneratedRegex(@"(\b[A-Za-z][A-Za-z0-9+.-]*://)[^/\s@?#]+@")]
    private static partial Regex UserInfo();
}
