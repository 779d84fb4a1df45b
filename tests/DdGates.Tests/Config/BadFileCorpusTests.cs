using DdGates.Cli.Inputs;
using DdGates.Config;

namespace DdGates.Tests.Config;

/// <summary>
/// Every file in Corpus/bad states the problems it must produce, in "# expect:" lines (or a .expect
/// file beside it for JSON and empty files). Each must be reported, with nothing else, and no gate loaded.
/// </summary>
public class BadFileCorpusTests
{
    internal static readonly string Dir = Path.Combine(AppContext.BaseDirectory, "Corpus", "bad");

    public static TheoryData<string> Files => [.. Directory.GetFiles(Dir).Where(f => !f.EndsWith(".expect", StringComparison.Ordinal)).Select(f => Path.GetFileName(f)).Order()];

    [Theory]
    [MemberData(nameof(Files))]
    public void Bad_file_reports_exactly_its_expected_problems(string name)
    {
        var path = Path.Combine(Dir, name);
        var text = File.ReadAllText(path);
        var expected = Expectations(path, text);
        Assert.NotEmpty(expected);

        var state = DesiredStateLoader.FromGatesFile(text, name);

        var reported = state.Diagnostics.Select(d => d.Describe(InputNames.CommandLine.Of)).ToList();
        Assert.Empty(state.Gates);
        foreach (var expectation in expected)
        {
            Assert.True(reported.Any(r => r.Contains(expectation, StringComparison.Ordinal)),
                $"expected \"{expectation}\" among:\n  {string.Join("\n  ", reported)}");
        }

        Assert.True(expected.Count == reported.Count, $"expected {expected.Count} problems, got:\n  {string.Join("\n  ", reported)}");
    }

    private static List<string> Expectations(string path, string text) => File.Exists(path + ".expect")
        ? [.. File.ReadAllLines(path + ".expect").Where(l => l.Length > 0)]
        : [.. text.Split('\n').Where(l => l.StartsWith("# expect: ", StringComparison.Ordinal)).Select(l => l["# expect: ".Length..].TrimEnd())];
}
