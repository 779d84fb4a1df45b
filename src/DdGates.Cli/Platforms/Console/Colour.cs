using System.Text;
using DdGates.Planning;

namespace DdGates.Cli.Platforms.Console;

/// <summary>
/// ANSI colour for a person at a terminal, off unless the output is a terminal: never in a pipe, a file or a CI log,
/// and never when NO_COLOR is set (no-color.org) or TERM is dumb.
/// </summary>
public sealed class Colour(bool on)
{
    public static readonly Colour Off = new(false);

    public bool On => on;

    /// <summary>On when both streams are terminals and nothing in the environment asks for plain text.</summary>
    public static Colour For(Func<string, string?> env, bool outputIsTerminal) =>
        new(outputIsTerminal && string.IsNullOrEmpty(env("NO_COLOR")) && env("TERM") != "dumb");

    public string Red(string text) => Paint("31", text);

    public string Green(string text) => Paint("32", text);

    public string Yellow(string text) => Paint("33", text);

    public string Dim(string text) => Paint("2", text);

    /// <summary>A plan or outcome: each line by its mark (+ create, - delete, ~ update, ! enforcement or error, x failed).</summary>
    public string Plan(string text)
    {
        if (!on) return text;
        var painted = new StringBuilder(text.Length + 64);
        foreach (var line in text.Split('\n'))
        {
            if (painted.Length > 0) painted.Append('\n');
            var trimmed = line.TrimStart();
            painted.Append(trimmed.Length == 0 ? line : trimmed[0] switch
            {
                '+' => Green(line),
                '-' => Red(line),
                '~' => Yellow(line),
                '!' or 'x' when trimmed.Length > 1 && trimmed[1] == ' ' => Paint("1;31", line),
                _ => line,
            });
        }

        return painted.ToString();
    }

    /// <summary>A problem report: its first line in red.</summary>
    public string Problems(string text) => on && text.IndexOf('\n') is > 0 and var end ? Red(text[..end]) + text[end..] : text;

    private string Paint(string code, string text) => on ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
