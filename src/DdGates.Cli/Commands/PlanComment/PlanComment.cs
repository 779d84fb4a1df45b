using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using DdGates.Cli.Commands.Reconcile;
using DdGates.Cli.Inputs;
using DdGates.Cli.Text;
using DdGates.Config;
using DdGates.Planning;
using DdGates.Reconciling;

namespace DdGates.Cli.Commands.PlanComment;

/// <summary>
/// The plan as one pull-request comment: a hidden marker (which file and selection it is for, and which run wrote
/// it); in sight, the headline with the counts, the enforcement turned on, each changing gate with its change and the
/// commit planned; the whole plan as a diff folded in a details block; a link to the run. Cut to the platform's limit
/// with a note pointing to the run's summary.
/// </summary>
public static partial class PlanComment
{
    private const string MarkerStart = "<!-- dd-gates plan-comment key=";
    private const int GatesListed = 25;

    /// <summary>The marker's stable part: a short hash of the gates file and the selection, so two workflows planning different files keep two comments.</summary>
    public static string Marker(RunSettings settings)
    {
        var what = string.Join("\n", settings.ConfigPath ?? "(inputs)", settings.Service ?? "", settings.Env ?? "", settings.Identifier ?? "");
        return MarkerStart + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(what)))[..12] + " ";
    }

    /// <summary>The run that wrote a comment, from its marker; 0 when it names none.</summary>
    public static long RunOf(string body) => RunPattern().Match(body) is { Success: true } m && long.TryParse(m.Groups[1].Value, out var run) ? run : 0;

    /// <summary>The comment for a plan, or for a plan that could not be made (so an old plan never stands as current).</summary>
    public static string Render(RunSettings settings, ReconcileResult result, CommentPlace place, int limit)
    {
        var head = new StringBuilder();
        head.Append(Marker(settings)).Append(FormattableString.Invariant($"run={place.RunOrder} -->\n"));
        head.Append("### Datadog Deployment Gates: plan");
        if (settings.ConfigPath is { } file) head.Append(" for `").Append(file.Replace("`", "'", StringComparison.Ordinal)).Append('`');
        var selection = string.Join(", ", new[] { ("service", settings.Service), ("env", settings.Env), ("identifier", settings.Identifier) }
            .Where(s => s.Item2 is not null).Select(s => $"{s.Item1} {s.Item2}"));
        if (selection.Length > 0) head.Append(" (").Append(MarkdownText.Escape(selection)).Append(')');
        head.Append("\n\n");
        var commit = place.Commit is { Length: >= 7 } sha ? $" at commit `{sha[..Math.Min(12, sha.Length)]}`" : "";

        if (result.View is not { } view)
        {
            head.Append($"**The gates file is invalid{commit}:** {Words.Plural(result.Problems.Count, "problem", "problems")}; nothing was planned.\n\n");
            foreach (var line in ProblemList.Lines(result.Problems, p => p.Describe(settings.Names.Where))) head.Append("- ").Append(MarkdownText.Escape(line)).Append('\n');
            return Cut(head.Append($"\nFix them and push again; [the run]({place.RunUrl}) lists them too.\n").ToString(), limit, place.RunUrl);
        }

        if (view.Outcome is ReadFailed failed)
        {
            return head.Append($"**The plan could not be made{commit}:** {MarkdownText.Escape(failed.Error)}\n\n[The run]({place.RunUrl}) has the details.\n").ToString();
        }

        ReconcileMarkdown.Head(head, view);
        if (commit.Length > 0) head.Append($"Planned{commit}.\n\n");
        GateList(head, view);
        var foot = $"\n[The run]({place.RunUrl}) has the plan in its summary and log.\n";
        var open = "<details><summary>The whole plan, as a diff</summary>\n\n";
        var close = "\n</details>\n";
        var room = limit - head.Length - foot.Length - open.Length - close.Length - 16;
        return head + open + Fenced(PlanText.Render(view), room, place.RunUrl) + close + foot;
    }

    /// <summary>Each gate that changes (or is in error) with what happens to it; the unchanged ones counted.</summary>
    private static void GateList(StringBuilder text, ReconcileView view)
    {
        var notable = view.Rows.Where(r => r.IsNotable).ToList();
        if (notable.Count == 0) return;
        text.Append("| Gate | Change | Rules |\n|---|---|---|\n");
        foreach (var row in notable.Take(GatesListed))
        {
            var rules = row.Shown.Rules.Where(r => r.Change != Planning.RuleChange.Unchanged).GroupBy(r => r.Change).Select(g => $"{g.Count()} to {Words.Verb(g.Key)}");
            var enforce = row.Enforcement.Count > 0 ? " ⚠️ **enforcement on**" : "";
            text.Append($"| {MarkdownText.Escape(row.Key.ToString())} | {Words.Verb(row.Action)}{enforce} | {MarkdownText.Escape(string.Join(", ", rules))} |\n");
        }

        if (notable.Count > GatesListed) text.Append($"\n_and {notable.Count - GatesListed} more gates in the plan below._\n");
        text.Append('\n');
    }

    /// <summary>The plan text in a diff fence longer than any run of backticks in it; past <paramref name="room"/> characters, cut at a line with a note.</summary>
    private static string Fenced(string text, int room, string runUrl)
    {
        var fence = MarkdownText.Fence(text);
        var note = $"\n_Cut here: the plan is longer than a comment may be. The whole plan is in [the run's summary]({runUrl})._\n";
        var body = text.TrimEnd('\n');
        if (body.Length + 2 * (fence.Length + 1) + 4 <= room) return $"{fence}diff\n{body}\n{fence}\n";
        var keep = Math.Max(0, room - note.Length - 2 * (fence.Length + 1) - 4);
        var cut = body[..Math.Min(keep, body.Length)];
        if (cut.LastIndexOf('\n') is > 0 and var line) cut = cut[..line];
        return $"{fence}diff\n{cut}\n{fence}\n{note}";
    }

    /// <summary>A comment past the limit, cut at a line, with a pointer to the run.</summary>
    private static string Cut(string body, int limit, string runUrl)
    {
        if (body.Length <= limit) return body;
        var note = $"\n_Cut here: the comment is longer than the platform allows. [The run]({runUrl}) has everything._\n";
        var cut = body[..Math.Max(0, limit - note.Length - 16)];
        if (cut.LastIndexOf('\n') is > 0 and var line) cut = cut[..line];
        return cut + "\n" + note;
    }

    [GeneratedRegex(@"<!-- dd-gates plan-comment key=[0-9a-f]+ run=(\d+) -->")]
    private static partial Regex RunPattern();
}
