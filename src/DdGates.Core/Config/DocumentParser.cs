using System.Text;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DdGates.Config;

/// <summary>
/// Text to a YAML node tree. JSON is read through the same YAML parser (JSON is YAML's flow style),
/// so both formats get the same line numbers; JSON syntax is checked with System.Text.Json first
/// for precise messages.
/// </summary>
internal static class DocumentParser
{
    public static YamlNode? Parse(string text, string file, List<Diagnostic> diagnostics)
    {
        if (text.Length > GatesFile.MaxBytes || Encoding.UTF8.GetByteCount(text) > GatesFile.MaxBytes)
        {
            diagnostics.Add(new Diagnostic(file, 0, 0, "", $"the file is larger than {GatesFile.MaxBytes / 1024 / 1024} MiB; split it up"));
            return null;
        }

        if (Unprintable(text, file) is { } unprintable)
        {
            diagnostics.Add(unprintable);
            return null;
        }

        if (text.Trim().Length == 0)
        {
            diagnostics.Add(new Diagnostic(file, 0, 0, "", "the file is empty"));
            return null;
        }

        if (LooksLikeJson(text, file))
        {
            if (JsonSyntaxError(text, file) is { } jsonError)
            {
                diagnostics.Add(jsonError);
                return null;
            }

            // Tabs may only appear between tokens in valid JSON, and YAML refuses them as indentation.
            text = text.Replace('\t', ' ');
        }

        var scanner = new Scanner(new StringReader(text));
        try
        {
            var stream = new YamlStream();
            stream.Load(new Parser(scanner));
            if (stream.Documents.Count > 1)
            {
                var second = stream.Documents[1].RootNode;
                diagnostics.Add(new Diagnostic(file, (int)second.Start.Line, (int)second.Start.Column, "", "more than one YAML document (---); put everything in one"));
                return null;
            }

            if (stream.Documents.Count == 0)
            {
                diagnostics.Add(new Diagnostic(file, 0, 0, "", "the file holds no YAML document, only comments or markers; it needs a gates: list"));
                return null;
            }

            return stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            var message = (e.InnerException?.Message ?? e.Message).Replace("\n", " ", StringComparison.Ordinal);
            if (message.Contains("Duplicate key", StringComparison.OrdinalIgnoreCase)) message = "duplicate key: each field may appear once";
            else if (message.Contains("flow", StringComparison.OrdinalIgnoreCase) && SyntaxWords.Unclosed(text, yamlComments: true) is var (line, column, bracket) && line < e.Start.Line)
            {
                diagnostics.Add(new Diagnostic(file, line, column, "", $"not valid YAML: this {bracket} is never closed (a {(bracket == '[' ? ']' : '}')} is missing)"));
                return null;
            }
            else if (SyntaxWords.TabIndented(text) is { } tabbed)
            {
                diagnostics.Add(new Diagnostic(file, tabbed, 1, "", "not valid YAML: a tab in the indentation (YAML indents with spaces only)"));
                return null;
            }

            diagnostics.Add(new Diagnostic(file, (int)e.Start.Line, (int)e.Start.Column, "", $"not valid YAML: {message}"));
            return null;
        }
        catch (InvalidOperationException)
        {
            // WARNING: YamlDotNet's scanner throws this (not YamlException) when the text ends inside a [ ] or { }.
            if (SyntaxWords.Unclosed(text, yamlComments: true) is var (line, column, bracket))
            {
                diagnostics.Add(new Diagnostic(file, line, column, "", $"not valid YAML: this {bracket} is never closed (a {(bracket == '[' ? ']' : '}')} is missing)"));
            }
            else
            {
                var lastLine = text.TrimEnd().Split('\n').Length;
                diagnostics.Add(new Diagnostic(file, lastLine, 1, "", "not valid YAML: the file ends inside a [ ] or { } list or mapping; is a bracket missing?"));
            }

            return null;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            // WARNING: YamlDotNet throws these for some escapes ("\U0011FFFF" is no character); the scanner knows where it was.
            var at = scanner.CurrentPosition;
            diagnostics.Add(new Diagnostic(file, (int)at.Line, (int)at.Column, "", "not valid YAML: an escape sequence (\\x, \\u or \\U) names no character"));
            return null;
        }
    }

    /// <summary>
    /// The first character YAML does not allow in a document (C0 and C1 controls other than tab, line breaks and NEL; DEL;
    /// U+FFFE and U+FFFF; lone surrogates), or a U+FFFD, which is what bytes that are not UTF-8 were read as.
    /// </summary>
    private static Diagnostic? Unprintable(string text, string file)
    {
        int line = 1, column = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                line++;
                column = 1;
                continue;
            }

            var pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            var bad = c == '\uFFFD' ? "bytes that are not UTF-8 (save the file as UTF-8)"
                : (c < ' ' && c is not '\t' and not '\r') || c == '\u007F' || (c is >= '\u0080' and <= '\u009F' && c != '\u0085') || c is '\uFFFE' or '\uFFFF'
                  || (char.IsSurrogate(c) && !pair && !(char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1])))
                    ? $"the control character U+{(int)c:X4}{(c == '\0' ? " (NUL: is the file UTF-16, or binary?)" : "")}, which YAML and JSON do not allow"
                    : null;
            if (bad is not null) return new Diagnostic(file, line, column, "", $"the file holds {bad}");
            column++;
        }

        return null;
    }

    private static bool LooksLikeJson(string text, string file) =>
        file.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || text.TrimStart().StartsWith('{') || text.TrimStart().StartsWith('[');

    private static Diagnostic? JsonSyntaxError(string text, string file)
    {
        try
        {
            using var _ = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            return null;
        }
        catch (JsonException e)
        {
            if (SyntaxWords.JsonMessage(e.Message.Split(" LineNumber:", 2)[0]) is { } words)
            {
                return new Diagnostic(file, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1, "", $"not valid JSON: {words}");
            }

            // The text ended early: say where the bracket that never closes opens, not where the file ends.
            return SyntaxWords.Unclosed(text, yamlComments: false) is var (line, column, bracket)
                ? new Diagnostic(file, line, column, "", $"not valid JSON: this {bracket} is never closed (a {(bracket == '[' ? ']' : '}')} is missing)")
                : new Diagnostic(file, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1, "", "not valid JSON: the text ends before the document does");
        }
    }
}
