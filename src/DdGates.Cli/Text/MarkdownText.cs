namespace DdGates.Cli.Text;

/// <summary>Escapes user text (gate keys, rule names, queries) for markdown tables and HTML.</summary>
public static class MarkdownText
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var escaped = new System.Text.StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '\r' => "",
                '\n' => "<br>",
                '|' or '\\' or '`' or '*' or '_' or '[' or ']' or '#' or '~' => "\\" + c,
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    /// <summary>A code fence longer than any run of backticks in <paramref name="text"/>, so the text cannot close it.</summary>
    public static string Fence(string text)
    {
        var longest = 0;
        var run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return new string('`', Math.Max(3, longest + 1));
    }
}
