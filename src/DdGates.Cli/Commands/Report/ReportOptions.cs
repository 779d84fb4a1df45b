using System.CommandLine;
using DdGates.Cli.Inputs;

namespace DdGates.Cli.Commands.Report;

/// <summary>The options only report has, built from <see cref="InputTable"/>.</summary>
public sealed class ReportOptions
{
    public Option<string?> Days { get; } = new(InputTable.Days.Cli!) { Description = InputTable.Days.Description, HelpName = "N", DefaultValueFactory = _ => InputTable.Days.Default };
    public Option<string?> MinEvaluations { get; } = new(InputTable.MinEvaluations.Cli!) { Description = InputTable.MinEvaluations.Description, HelpName = "N", DefaultValueFactory = _ => InputTable.MinEvaluations.Default };
    public Option<bool> FailUnlessReady { get; } = CliOptions.Flag(InputTable.FailUnlessReady);

    public IEnumerable<Option> All => [Days, MinEvaluations, FailUnlessReady];

    public ReportSettings Read(ParseResult result, RunSettings run) =>
        new(run, result.GetValue(Days), result.GetValue(MinEvaluations), result.GetValue(FailUnlessReady));
}
