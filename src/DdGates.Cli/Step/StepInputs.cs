using System.Globalization;
using DdGates.Cli.Commands.Evaluate;
using DdGates.Cli.Commands.Export;
using DdGates.Cli.Commands.Report;
using DdGates.Cli.Inputs;
using DdGates.Cli.Platforms;
using DdGates.Config;

namespace DdGates.Cli.Step;

/// <summary>What a CI step asked for: every command's settings plus the command, read through the host from the input table.</summary>
public sealed record StepInputs(RunSettings Settings, EvaluateSettings Evaluate, ReportSettings Report, ExportSettings Export, string Command,
    IReadOnlyList<Diagnostic> Problems, bool PrComment = false, string? GitHubToken = null)
{
    /// <summary>Reads every input; booleans as @actions/core's getBooleanInput does; keys fall back to the environment.</summary>
    public static StepInputs Read(ICiHost host, Func<string, string?> env)
    {
        var problems = new List<Diagnostic>();
        string? Text(InputSpec spec) => host.GetInput(spec) ?? host.Default(spec);
        bool? Bool(InputSpec spec)
        {
            var value = Text(spec);
            if (value is null) return null;
            if (YamlBool.TryParse(value, out var parsed)) return parsed;
            problems.Add(Diagnostic.About(spec, $"expected true or false, found \"{value}\""));
            return null;
        }

        var command = Text(InputTable.Command)!;
        if (!InputTable.Command.Choices!.Contains(command)) problems.Add(Diagnostic.About(InputTable.Command, $"must be one of {string.Join(", ", InputTable.Command.Choices!)}, found \"{command}\""));
        if (!int.TryParse(Text(InputTable.Concurrency), NumberStyles.None, CultureInfo.InvariantCulture, out var concurrency))
        {
            problems.Add(Diagnostic.About(InputTable.Concurrency, $"expected a whole number, found \"{Text(InputTable.Concurrency)}\""));
            concurrency = int.Parse(InputTable.Concurrency.Default!, CultureInfo.InvariantCulture); // reported once, not again as out of range
        }

        var settings = new RunSettings
        {
            ConfigPath = Text(InputTable.Config),
            Service = Text(InputTable.Service),
            Env = Text(InputTable.Env),
            Identifier = Text(InputTable.Identifier),
            DryRun = Bool(InputTable.DryRun),
            Rules = Text(InputTable.Rules),
            Prune = Bool(InputTable.Prune) ?? false,
            Site = host.GetInput(InputTable.Site) ?? Sourced.FromEnvironment(InputTable.Site, env).Value,
            ApiUrl = Text(InputTable.ApiUrl),
            ApiKey = Key(host, env, InputTable.ApiKey),
            AppKey = Key(host, env, InputTable.AppKey),
            AccessToken = Key(host, env, InputTable.AccessToken),
            CredentialsHelp = host.CredentialsHelp,
            Names = host.Names,
            Concurrency = concurrency,
            FailOnDrift = Bool(InputTable.FailOnDrift) ?? false,
            ExpectPlan = Text(InputTable.ExpectPlan),
            Preflight = Text(InputTable.Preflight),
        };
        var evaluate = new EvaluateSettings(settings, Text(InputTable.Version), Text(InputTable.PrimaryTag), Text(InputTable.Timeout),
            Bool(InputTable.FailOnError) ?? false, Bool(InputTable.Inline) ?? false, ApplyFirst: command == "apply-and-evaluate");
        var report = new ReportSettings(settings, Text(InputTable.Days), Text(InputTable.MinEvaluations), Bool(InputTable.FailUnlessReady) ?? false);
        var export = new ExportSettings(settings, Text(InputTable.ExportFile), Bool(InputTable.Fold) ?? false);
        return new StepInputs(settings, evaluate, report, export, command, problems,
            Bool(InputTable.PrComment) ?? true, host.GetInput(InputTable.GitHubToken));
    }

    /// <summary>The input, else its environment fallbacks; with where it came from (named in messages, never the value).</summary>
    private static Sourced Key(ICiHost host, Func<string, string?> env, InputSpec input) =>
        host.GetInput(input) is { } value ? new Sourced(value, new FromInput(input)) : Sourced.FromEnvironment(input, env);
}
