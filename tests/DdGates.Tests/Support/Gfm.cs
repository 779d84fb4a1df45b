using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using DdGates.Tests.Manifests;

namespace DdGates.Tests.Support;

/// <summary>
/// Markdown rendered as GitHub renders it (GFM: tables, fenced code, inline HTML such as details), by the marked npm
/// package from the repository's dev tools, on the pinned Node. Tests read what a person sees, not the source text.
/// </summary>
internal static partial class Gfm
{

    public static async Task<Rendered> RenderAsync(string markdown)
    {
        var marked = Path.Combine(RepoFiles.Root, "node_modules", "marked", "lib", "marked.esm.js");
        Assert.True(File.Exists(marked), "node_modules/marked is missing: the test project restores it (npm ci) before the tests run");
        var node = new[] { Path.Combine(RepoFiles.Root, "node_modules", "node24", "bin", "node"), "/usr/bin/node", "/usr/local/bin/node" }.First(File.Exists);
        var start = new ProcessStartInfo(node) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "--input-type=module", "-e",
                     $"import {{ marked }} from {System.Text.Json.JsonSerializer.Serialize(new Uri(marked).AbsoluteUri)}; let s = ''; process.stdin.setEncoding('utf8'); process.stdin.on('data', d => s += d); process.stdin.on('end', () => process.stdout.write(marked.parse(s, {{ gfm: true }})));" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(markdown);
        process.StandardInput.Close();
        var html = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, error);
        return new Rendered(html);
    }

    /// <summary>The HTML, what a reader sees of it as text, and what stays in sight before any details block is opened.</summary>
    public sealed record Rendered(string Html)
    {
        public string Text => Visible(Html);

        /// <summary>The text outside every &lt;details&gt; block (its summary line stays in sight).</summary>
        public string InSight => Visible(Details().Replace(Html, m => m.Groups[1].Value));

        public int Tables => Regex.Count(Html, "<table>");

        private static string Visible(string html) => WebUtility.HtmlDecode(Spaces().Replace(Tags().Replace(html, " "), " ")).Trim();
    }

    [GeneratedRegex("<details>\\s*(<summary>.*?</summary>).*?</details>", RegexOptions.Singleline)]
    private static partial Regex Details();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("\\s+")]
    private static partial Regex Spaces();
}
