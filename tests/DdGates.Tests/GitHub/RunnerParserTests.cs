using DdGates.Tests.Support;
using DdGates.Cli.Inputs;
using DdGates.Cli.Platforms.GitHub;
using DdGates.Model;

namespace DdGates.Tests.GitHub;

/// <summary>Exact wire strings of the GitHub adapter, read back by the runner's parsers.</summary>
public class RunnerParserTests
{
    [Fact]
    public void Outputs_use_the_heredoc_form_and_round_trip_multiline_values()
    {
        var file = TestFiles.NewFile();
        var host = new GitHubHost(TextWriter.Null, name => name == "GITHUB_OUTPUT" ? file : null, () => "ghadelimiter_fixed");

        host.SetOutput(OutputTable.PlanJson, "{\n  \"a\": \"b=c<<d\"\n}");
        host.SetOutput(OutputTable.Changed, "true");

        Assert.Equal("plan<<ghadelimiter_fixed\n{\n  \"a\": \"b=c<<d\"\n}\nghadelimiter_fixed\nchanged<<ghadelimiter_fixed\ntrue\nghadelimiter_fixed\n", File.ReadAllText(file));
        var parsed = RunnerFileCommands.Parse(File.ReadAllText(file));
        Assert.Equal("{\n  \"a\": \"b=c<<d\"\n}", parsed["plan"]);
        Assert.Equal("true", parsed["changed"]);
    }

    [Fact]
    public void A_value_holding_its_delimiter_is_refused()
    {
        var host = new GitHubHost(TextWriter.Null, name => TestFiles.NewFile(), () => "DELIM");

        Assert.Throws<InvalidOperationException>(() => host.SetOutput(OutputTable.Result, "x\nDELIM\ny"));
    }

    [Fact]
    public void Annotations_escape_data_and_properties_without_spaces_between_them()
    {
        var stdout = new StringWriter();
        var host = new GitHubHost(stdout, _ => null);

        host.Error("50% done\nnext: a,b", new DdGates.Model.SourceLocation("dir,x/gates:1.yaml", 12, 3));

        Assert.Equal("::error file=dir%2Cx/gates%3A1.yaml,line=12,col=3::50%25 done%0Anext: a,b" + Environment.NewLine, stdout.ToString());
        var parsed = Assert.Single(RunnerWorkflowCommands.Parse(stdout.ToString()));
        Assert.Equal("dir,x/gates:1.yaml", parsed.Properties["file"]);
        Assert.Equal("50% done\nnext: a,b", parsed.Data);
    }

    [Fact]
    public void At_most_ten_error_annotations_a_step()
    {
        var stdout = new StringWriter();
        var host = new GitHubHost(stdout, _ => null);

        for (var i = 0; i < 12; i++) host.Error($"problem {i}");

        Assert.Equal(10, host.ErrorAnnotationLimit);
        Assert.Equal(10, RunnerWorkflowCommands.Parse(stdout.ToString()).Count);
        Assert.Contains("Error: problem 11", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_summary_stays_within_one_mebibyte()
    {
        var file = TestFiles.NewFile();
        var host = new GitHubHost(TextWriter.Null, name => name == "GITHUB_STEP_SUMMARY" ? file : null);

        host.AppendSummary(new string('x', 900_000));
        host.AppendSummary(new string('y', 200_000));

        Assert.True(new FileInfo(file).Length <= host.SummaryLimitBytes);
        Assert.Contains("The summary was cut here", File.ReadAllText(file), StringComparison.Ordinal);
    }

    [Fact]
    public void Inputs_are_read_with_hyphens_kept_and_trimmed()
    {
        var host = new GitHubHost(TextWriter.Null, name => name == "INPUT_FAIL-ON-DRIFT" ? "  true \n" : null);

        Assert.Equal("true", host.GetInput(InputTable.FailOnDrift));
        Assert.Null(host.GetInput(InputTable.Config));
    }
}
