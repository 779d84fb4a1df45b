namespace DdGates.Config;

/// <summary>
/// Service, env and identifier are Datadog tag values: they start with a letter and hold letters,
/// digits, and _ - : . / only; Datadog lowercases tags, so an uppercase name would never match a deploy.
/// </summary>
public static class Names
{
    public const int MaxLength = 200;

    public static string? TagProblem(string value)
    {
        if (value.Length == 0) return "must not be empty";
        if (value.Length > MaxLength) return $"must be at most {MaxLength} characters";
        if (!char.IsLetter(value[0])) return $"must start with a letter, found \"{value}\"";
        if (value.Any(char.IsUpper)) return $"must be lowercase (Datadog lowercases tags), found \"{value}\"";
        var bad = value.FirstOrDefault(c => !(char.IsLetterOrDigit(c) || c is '_' or '-' or ':' or '.' or '/'));
        return bad == default ? null : $"must hold only letters, digits and _ - : . /, found {Show(bad)} in \"{value}\"";
    }

    public static string? RuleNameProblem(string value)
    {
        if (value.Trim().Length == 0) return "must not be empty";
        if (value.Trim() != value) return "must not start or end with whitespace";
        if (value.Length > MaxLength) return $"must be at most {MaxLength} characters";
        return value.Any(char.IsControl) ? "must not contain control characters (newlines, tabs)" : null;
    }

    private static string Show(char c) => char.IsWhiteSpace(c) || char.IsControl(c) ? $"U+{(int)c:X4}" : $"\"{c}\"";
}
