using System.CommandLine;
using DdGates.Cli.Inputs;

namespace DdGates.Cli.Commands.Evaluate;

/// <summary>The options only evaluate has, built from <see cref="InputTable"/>.</summary>
public sealed class EvaluateOptions
{
    public Option<string?> Version { get; } = new(InputTable.Version.Cli!) { Description = InputTable.Version.Description };
    public Option<string?> PrimaryTag { get; } = new(InputTable.PrimaryTag.Cli!) { Description = InputTable.PrimaryTag.Description };
    public Option<string?> Timeout { get; } = new(InputTable.Timeout.Cli!)
    {
        Description = InputTable.Timeout.Description,
        DefaultValueFactory = _ => InputTable.Timeout.Default,
        HelpName = "SECONDS",
    };
    public Option<bool> FailOnError { get; } = CliOptions.Flag(InputTable.FailOnError);
    public Option<bool> Inline { get; } = CliOptions.Flag(InputTable.Inline);
    /// <summary>CLI only: the action and the task say command: apply-and-evaluate.</summary>
    public Option<bool> Apply { get; } = new("--apply") { Description = "Apply the gates file (or --rules) first, then evaluate the stored gate." };

    public IEnumerable<Option> All => [Version, PrimaryTag, Timeout, FailOnError, Inline, Apply];

    public EvaluateSettings Read(ParseResult result, RunSettings run) => new(
        run,
        result.GetValue(Version),
        result.GetValue(PrimaryTag),
        result.GetValue(Timeout),
        result.GetValue(FailOnError),
        result.GetValue(Inline),
        result.GetValue(Apply));
}
