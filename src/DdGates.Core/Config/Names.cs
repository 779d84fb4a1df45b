namespace DdGates.Config;

/// <summary>
/// Service, env and identifier travel as Datadog tag values. Only what is certainly invalid is refused here:
/// an empty value, white space or control characters, a value longer than a whole tag may be. Everything else
/// (a leading digit as in <c>3ds-gateway</c>, capitals, other punctuation) goes to Datadog, which judges it:
/// its "start with a letter" rule is about the whole tag (<c>service:3ds-gateway</c>), not the value.
/// </summary>
public static class Names
{
    /// <summary>Datadog's limit for a whole tag; a value longer than that can never be valid.</summary>
    public const int MaxLength = 200;

    public static string? TagProblem(string value)
    {
        if (value.Length == 0) return "must not be empty";
        if (Length(value) > MaxLength) return $"must be at most {MaxLength} characters (Datadog's tag length), found {Length(value)}";
        // WARNING: not FirstOrDefault: its "none found" is '\0', which is itself a character to refuse.
        var at = value.AsSpan().IndexOfAnyExcept(TagCharacters);
        return at < 0 ? null : $"must not contain spaces or control characters, found {Show(value[at])} in \"{Printable(value)}\"";
    }

    public static string? RuleNameProblem(string value)
    {
        if (value.All(IsSpace)) return "must not be empty";
        if (IsSpace(value[0]) || IsSpace(value[^1])) return "must not start or end with whitespace";
        if (Length(value) > MaxLength) return $"must be at most {MaxLength} characters";
        return value.Any(char.IsControl) ? "must not contain control characters (newlines, tabs)" : null;
    }

    /// <summary>Characters as a person (and JSON Schema's maxLength) counts them: an emoji is one, not two UTF-16 units.</summary>
    public static int Length(string value) => value.EnumerateRunes().Count();

    /// <summary>White space as JSON Schema's \s has it: .NET's, plus the byte-order mark U+FEFF.</summary>
    public static bool IsSpace(char c) => char.IsWhiteSpace(c) || c == '\uFEFF';

    private static readonly System.Buffers.SearchValues<char> TagCharacters = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, char.MaxValue + 1).Select(i => (char)i).Where(c => !IsSpace(c) && !char.IsControl(c))]);

    private static string Show(char c) => c == ' ' ? "a space" : $"U+{(int)c:X4}";

    private static string Printable(string value) => new([.. value.Select(c => char.IsControl(c) ? '?' : c)]);
}
