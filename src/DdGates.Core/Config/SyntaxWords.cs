namespace DdGates.Config;

/// <summary>
/// Parser failures said in words at the right place: System.Text.Json's messages are resource keys in a trimmed build
/// ("TrailingCommaNotAllowedBeforeArrayEnd"), and YamlDotNet reports an unclosed bracket at the end of the file and a
/// tab in the indentation after it. These find what the person has to fix and where.
/// </summary>
internal static class SyntaxWords
{
    // The JSON reader's resource key (a trimmed build) or a piece of its English message (a full build), and the words.
    private static readonly (string Key, string English, string Words)[] Json =
    [
        ("TrailingCommaNotAllowedBeforeArrayEnd", "trailing comma at the end", "a comma before the closing ] (JSON allows no trailing comma)"),
        ("TrailingCommaNotAllowedBeforeObjectEnd", "trailing comma at the end", "a comma before the closing } (JSON allows no trailing comma)"),
        ("ExpectedSeparatorAfterPropertyNameNotFound", "':' is expected", "a : is missing after the field name"),
        ("ExpectedStartOfPropertyNotFound", "property name", "expected a field name in double quotes"),
        ("ExpectedStartOfPropertyOrValueNotFound", "property name or value", "expected a field name or a value"),
        ("ExpectedValueAfterPropertyNameNotFound", "value after the property", "a value is missing after the :"),
        ("ExpectedStartOfValueNotFound", "is an invalid start of a value", "expected a value (text in double quotes, a number, true, false, null, [ or {)"),
        ("ExpectedEndAfterSingleJson", "after a single JSON value", "more text after the end of the JSON document (a missing comma, or one } too many?)"),
        ("EndOfStringNotFound", "end of string", "a string is never closed (a missing \")"),
        ("InvalidCharacterWithinString", "within a JSON string", "a tab or line break inside a string must be written \\t or \\n"),
        ("MismatchedObjectArray", "does not match", "a ] or } that does not match the bracket it closes"),
        ("ExpectedEndOfDigitNotFound", "end of a number", "a number that is not valid JSON"),
        ("RequiredDigitNotFound", "digit", "a number that is not valid JSON"),
        ("FoundInvalidCharacter", "is invalid after a value", "a comma is missing between two values"),
    ];

    /// <summary>The JSON reader's failure in words; null when it is one of the "ended too early" kind (see <see cref="Unclosed"/>).</summary>
    public static string? JsonMessage(string message)
    {
        if (message.Contains("ZeroDepthAtEnd", StringComparison.Ordinal) || message.Contains("depth to be zero", StringComparison.OrdinalIgnoreCase)
            || message.Contains("ExpectedJsonTokens", StringComparison.Ordinal) || message.Contains("does not contain any JSON tokens", StringComparison.Ordinal)
            || message.Contains("end of data", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        foreach (var (key, english, words) in Json)
        {
            if (message.Contains(key, StringComparison.Ordinal)) return words;
        }

        foreach (var (_, english, words) in Json)
        {
            if (message.Contains(english, StringComparison.OrdinalIgnoreCase)) return words;
        }

        return message;
    }

    /// <summary>Where the innermost [ or { that is never closed opens (1-based line and column), outside quotes and comments; null when all close.</summary>
    public static (int Line, int Column, char Bracket)? Unclosed(string text, bool yamlComments)
    {
        var open = new Stack<(int, int, char)>();
        int line = 1, column = 0;
        char quote = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            column++;
            if (c == '\n')
            {
                line++;
                column = 0;
                if (quote == '\'') quote = '\0'; // a single-quoted YAML scalar in a flow spans no line in these files
                continue;
            }

            if (quote != '\0')
            {
                if (c == '\\' && quote == '"') i++;
                else if (c == quote) quote = '\0';
                continue;
            }

            switch (c)
            {
                case '"' or '\'' when c == '"' || yamlComments:
                    quote = c;
                    break;
                case '#' when yamlComments && (i == 0 || char.IsWhiteSpace(text[i - 1])):
                    while (i + 1 < text.Length && text[i + 1] != '\n') i++;
                    break;
                case '[' or '{':
                    open.Push((line, column, c));
                    break;
                case ']' or '}' when open.Count > 0:
                    open.Pop();
                    break;
            }
        }

        return open.Count > 0 ? open.Peek() : null;
    }

    /// <summary>The first line whose indentation holds a tab (YAML indents with spaces only), 1-based; null when none does.</summary>
    public static int? TabIndented(string text)
    {
        var line = 0;
        foreach (var row in text.Split('\n'))
        {
            line++;
            var indent = row.Length - row.TrimStart(' ', '\t').Length;
            if (row[..indent].Contains('\t', StringComparison.Ordinal) && row.Trim().Length > 0) return line;
        }

        return null;
    }
}
