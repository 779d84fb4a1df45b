namespace DdGates.Tests.GitHub;

/// <summary>
/// A port of the runner's GITHUB_OUTPUT / GITHUB_ENV reader (actions/runner FileCommandManager,
/// EnvFileKeyValuePairs): <c>name=value</c>, or <c>name&lt;&lt;DELIM</c> ... <c>DELIM</c>, where the
/// closing delimiter line must itself end with a newline. Throws as the runner fails the step.
/// </summary>
internal static class RunnerFileCommands
{
    public static Dictionary<string, string> Parse(string text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var index = 0;
        while (index < text.Length)
        {
            var line = ReadLine(text, ref index, out _);
            if (line.Length == 0) continue;
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            var heredoc = line.IndexOf("<<", StringComparison.Ordinal);
            if (equals >= 0 && (heredoc < 0 || equals < heredoc))
            {
                var name = line[..equals];
                if (name.Length == 0) throw new FormatException($"Invalid format '{line}'. Name must not be empty");
                values[name] = line[(equals + 1)..];
                continue;
            }

            if (heredoc < 0) throw new FormatException($"Invalid format '{line}'");
            var key = line[..heredoc];
            var delimiter = line[(heredoc + 2)..];
            if (key.Length == 0 || delimiter.Length == 0) throw new FormatException($"Invalid format '{line}'. Name and delimiter must not be empty");
            var body = new List<string>();
            while (true)
            {
                if (index >= text.Length) throw new FormatException($"Invalid value. Matching delimiter not found '{delimiter}'");
                var next = ReadLine(text, ref index, out var hadNewline);
                if (next == delimiter)
                {
                    if (!hadNewline) throw new FormatException($"Invalid value. EOF marker missing new line '{delimiter}'");
                    break;
                }

                body.Add(next);
            }

            values[key] = string.Join("\n", body);
        }

        return values;
    }

    private static string ReadLine(string text, ref int index, out bool hadNewline)
    {
        var end = text.IndexOf('\n', index);
        hadNewline = end >= 0;
        if (end < 0) end = text.Length;
        var line = text[index..end].TrimEnd('\r');
        index = end + 1;
        return line;
    }
}
