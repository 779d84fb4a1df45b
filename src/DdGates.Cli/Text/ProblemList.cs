using DdGates.Config;

namespace DdGates.Cli.Text;

/// <summary>The problems a run lists, the same on every surface: the first <see cref="GatesFile.MaxProblemsShown"/>, then how many more.</summary>
public static class ProblemList
{
    public static IEnumerable<string> Lines(IReadOnlyList<Diagnostic> problems, Func<Diagnostic, string> describe)
    {
        foreach (var p in problems.Take(GatesFile.MaxProblemsShown)) yield return describe(p);
        if (problems.Count > GatesFile.MaxProblemsShown)
        {
            yield return $"... and {Words.Plural(problems.Count - GatesFile.MaxProblemsShown, "more problem", "more problems")} (not listed: fix these first)";
        }
    }
}
