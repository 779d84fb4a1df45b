namespace DdGates.Cli.Rendering;

/// <summary>Escapes user text (gate keys, rule names, queries) for markdown tables and HTML.</summary>
public static class Markdown
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
}
