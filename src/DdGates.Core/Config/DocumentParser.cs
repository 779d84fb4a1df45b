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
    public const int MaxBytes = 8 * 1024 * 1024;

    public static YamlNode? Parse(string text, string file, List<Diagnostic> diagnostics)
    {
        if (Encoding.UTF8.GetByteCount(text) > MaxBytes)
        {
            diagnostics.Add(new Diagnostic(file, 0, 0, "", $"the file is larger than {MaxBytes / 1024 / 1024} MiB; split it up"));
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

        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count > 1)
            {
                var second = stream.Documents[1].RootNode;
                diagnostics.Add(new Diagnostic(file, (int)second.Start.Line, (int)second.Start.Column, "", "more than one YAML document (---); put everything in one"));
                return null;
            }

            return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            var message = (e.InnerException?.Message ?? e.Message).Replace("\n", " ", StringComparison.Ordinal);
            if (message.Contains("Duplicate key", StringComparison.OrdinalIgnoreCase)) message = "duplicate key: each field may appear once";
            diagnostics.Add(new Diagnostic(file, (int)e.Start.Line, (int)e.Start.Column, "", $"not valid YAML: {message}"));
            return null;
        }
        catch (InvalidOperationException)
        {
            // WARNING: YamlDotNet's scanner throws this (not YamlException) when the text ends inside a [ ] or { }.
            var lastLine = text.TrimEnd().Split('\n').Length;
            diagnostics.Add(new Diagnostic(file, lastLine, 1, "", "not valid YAML: the file ends inside a [ ] or { } list or mapping; is a bracket missing?"));
            return null;
        }
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
            var message = e.Message.Split(" LineNumber:", 2)[0];
            return new Diagnostic(file, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1, "", $"not valid JSON: {message}");
        }
    }
}
