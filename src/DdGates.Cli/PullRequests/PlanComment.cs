using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using DdGates.Cli.Inputs;
using DdGates.Cli.Rendering;
using DdGates.Config;
using DdGates.Planning;
using DdGates.Reconciling;

namespace DdGates.Cli.PullRequests;

/// <summary>
/// The plan as one pull-request comment: a hidden marker (which file and selection it is for, and which run wrote
/// it), one line of verdict, the full plan folded in a details block, and a link to the run. Cut to the platform's
/// limit with a note pointing to the run's summary.
/// </summary>
public static partial class PlanComment
{
    private const string MarkerStart = "<!-- dd-gates plan-comment key=";

    /// <summary>The marker's stable part: a short hash of the gates file and the selection, so two workflows planning different files keep two comments.</summary>
    public static string Marker(RunSettings settings)
    {
        var what = string.Join("\n", settings.ConfigPath ?? "(inputs)", settings.Service ?? "", settings.Env ?? "", settings.Identifier ?? "");
        return MarkerStart + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(what)))[..12] + " ";
    }

    /// <summary>The run that wrote a comment, from its marker; 0 when it names none.</summary>
    public static long RunOf(string body) => RunPattern().Match(body) is { Success: true } m && long.TryParse(m.Groups[1].Value, out var run) ? run : 0;

    /// <summary>The comment for a plan, or for a plan that could not be made (so an old plan never stands as current).</summary>
    public static string Render(RunSettings settings, ReconcileOutcome? outcome, IReadOnlyList<Diagnostic> problems, long runOrder, string runUrl, int limit)
    {
        var head = new StringBuilder();
        head.Append(Marker(settings)).Append(FormattableString.Invariant($"run={runOrder} -->\n"));
        head.Append("### Datadog Deployment Gates: plan");
        if (settings.ConfigPath is { } file) head.Append(" for `").Append(file.Replace("`", "'", StringComparison.Ordinal)).Append('`');
        var selection = string.Join(", ", new[] { ("service", settings.Service), ("env", settings.Env), ("identifier", settings.Identifier) }
            .Where(s => s.Item2 is not null).Select(s => $"{s.Item1} {s.Item2}"));
        if (selection.Length > 0) head.Append(" (").Append(Markdown.Escape(selection)).Append(')');
        head.Append("\n\n");

        var (verdict, detail) = outcome switch
        {
            Planned { Plan: var plan } when !plan.HasChanges => ($"**No changes.** {Markdown.Escape(Words.Totals(plan))}", PlanText.Render(plan)),
            Planned { Plan: var plan } => ($"**Changes pending:** {Markdown.Escape(Words.Totals(plan))}\n\nPlan hash `{PlanHash.Of(plan)}`: apply with `expect-plan: {PlanHash.Of(plan)}` to carry out exactly this plan.",
                PlanText.Render(plan)),
            ReadFailed failed => ($"**The plan could not be made:** {Markdown.Escape(failed.Error)}", null),
            _ => ($"**The gates file is invalid:** {Words.Plural(problems.Count, "problem", "problems")}; nothing was planned.",
                string.Join("\n", ProblemList.Lines(problems, p => p.Describe(i => i.GitHub)))),
        };
        head.Append(verdict).Append("\n\n");
        var foot = $"\n[The run]({runUrl}) has the plan in its summary and log.\n";
        if (detail is null) return head + foot.TrimStart('\n');
        var open = "<details><summary>Full plan</summary>\n\n";
        var close = "\n</details>\n";
        var room = limit - head.Length - foot.Length - open.Length - close.Length - 16;
        return head + open + Fenced(detail, room, runUrl) + close + foot;
    }

    /// <summary>The text in a code fence longer than any run of backticks in it; past <paramref name="room"/> characters, cut at a line with a note.</summary>
    private static string Fenced(string text, int room, string runUrl)
    {
        var fence = new string('`', Math.Max(3, LongestBackticks(text) + 1));
        var note = $"\n_Cut here: the plan is longer than a comment may be. The whole plan is in [the run's summary]({runUrl})._\n";
        var body = text.TrimEnd('\n');
        if (body.Length + 2 * (fence.Length + 1) <= room) return $"{fence}\n{body}\n{fence}\n";
        var keep = Math.Max(0, room - note.Length - 2 * (fence.Length + 1));
        var cut = body[..Math.Min(keep, body.Length)];
        if (cut.LastIndexOf('\n') is > 0 and var line) cut = cut[..line];
        return $"{fence}\n{cut}\n{fence}\n{note}";
    }

    private static int LongestBackticks(string text) => BacktickRun().Matches(text).Select(m => m.Length).DefaultIfEmpty(0).Max();

    [GeneratedRegex(@"`+")]
    private static partial Regex BacktickRun();

    [GeneratedRegex(@"<!-- dd-gates plan-comment key=[0-9a-f]+ run=(\d+) -->")]
    private static partial Regex RunPattern();
}
