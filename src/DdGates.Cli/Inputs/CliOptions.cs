using System.CommandLine;
using System.Globalization;

namespace DdGates.Cli.Inputs;

/// <summary>The options of plan, apply and validate, built from <see cref="InputTable"/>, and how they become <see cref="RunSettings"/>.</summary>
public sealed class CliOptions
{
    public Option<string?> Config { get; } = Text(InputTable.Config, "FILE", null, "-c");
    public Option<string?> Service { get; } = Text(InputTable.Service);
    public Option<string?> Env { get; } = Text(InputTable.Env);
    public Option<string?> Identifier { get; } = Text(InputTable.Identifier);

    /// <summary>export reads no gates file: its selection is said without one.</summary>
    public Option<string?> ExportService { get; } = new(InputTable.Service.Cli!) { Description = "Only the gates of this service." };
    public Option<string?> ExportEnv { get; } = new(InputTable.Env.Cli!) { Description = "Only the gates of this env." };
    public Option<string?> ExportIdentifier { get; } = new(InputTable.Identifier.Cli!) { Description = "Only the gates with this identifier." };
    public Option<string?> ExportFile { get; } = Text(InputTable.ExportFile, "PATH");
    public Option<bool> Fold { get; } = Flag(InputTable.Fold);
    public Option<bool> DetailedExitCode { get; } = new("--detailed-exitcode") { Description = "Exit 2 when changes are pending, 0 when there are none, 1 on errors." };
    public Option<bool> FailOnDrift { get; } = Flag(InputTable.FailOnDrift);
    public Option<string?> ExpectPlan { get; } = Text(InputTable.ExpectPlan, "HASH");
    public Option<string> Preflight { get; } = CreatePreflight();
    public Option<bool?> DryRun { get; } = new(InputTable.DryRun.Cli!) { Description = InputTable.DryRun.Description };
    public Option<string?> Rules { get; } = Text(InputTable.Rules, "FILE|TEXT");
    public Option<bool> Prune { get; } = Flag(InputTable.Prune);
    public Option<string?> Site { get; } = Text(InputTable.Site, "SITE", $"default: {string.Join(" / ", InputTable.Site.Fallbacks)}, else {InputTable.Site.Default}");
    public Option<string?> ApiUrl { get; } = Text(InputTable.ApiUrl, "URL");
    public Option<int> Concurrency { get; } = new(InputTable.Concurrency.Cli!)
    {
        Description = InputTable.Concurrency.Description,
        DefaultValueFactory = _ => int.Parse(InputTable.Concurrency.Default!, CultureInfo.InvariantCulture),
    };

    /// <summary>CLI only: the action and the task always write outputs and a summary instead.</summary>
    public Option<string> Output { get; } = CreateOutput();

    /// <summary>What plan and apply take; evaluate, report, validate and export take parts of it.</summary>
    public IReadOnlyList<Option> Reconcile => [Config, Service, Env, Identifier, DryRun, Rules, Prune, Site, ApiUrl, Concurrency, Output];

    /// <summary>The gates to act on, and where their rules come from: all validate needs (it sends nothing).</summary>
    public IReadOnlyList<Option> Declared => [Config, Service, Env, Identifier, DryRun, Rules, Output];

    /// <summary>Where Datadog is and how hard to push it.</summary>
    public IReadOnlyList<Option> Connection => [Site, ApiUrl, Concurrency, Output];

    public RunSettings Read(ParseResult result, Func<string, string?> env) => new()
    {
        ConfigPath = result.GetValue(Config),
        Service = result.GetValue(Service) ?? result.GetValue(ExportService),
        Env = result.GetValue(Env) ?? result.GetValue(ExportEnv),
        Identifier = result.GetValue(Identifier) ?? result.GetValue(ExportIdentifier),
        DryRun = result.GetValue(DryRun),
        Rules = result.GetValue(Rules),
        Prune = result.GetValue(Prune),
        Site = result.GetValue(Site) ?? Sourced.FromEnvironment(InputTable.Site, env).Value,
        ApiUrl = result.GetValue(ApiUrl),
        ApiKey = Sourced.FromEnvironment(InputTable.ApiKey, env),
        AppKey = Sourced.FromEnvironment(InputTable.AppKey, env),
        AccessToken = Sourced.FromEnvironment(InputTable.AccessToken, env),
        Concurrency = result.CommandResult.Command.Options.Contains(Concurrency) ? result.GetValue(Concurrency) : int.Parse(InputTable.Concurrency.Default!, CultureInfo.InvariantCulture),
        Output = result.GetValue(Output) == "json" ? OutputFormat.Json : OutputFormat.Text,
        DetailedExitCode = result.GetValue(DetailedExitCode),
        FailOnDrift = result.GetValue(FailOnDrift),
        ExpectPlan = result.GetValue(ExpectPlan),
        Preflight = result.CommandResult.Command.Options.Contains(Preflight) ? result.GetValue(Preflight) : null,
    };

    public static Option<bool> Flag(InputSpec spec) => new(spec.Cli!) { Description = spec.Description };

    private static Option<string?> Text(InputSpec spec, string? helpName = null, string? defaults = null, params string[] aliases)
    {
        var option = new Option<string?>(spec.Cli!, aliases) { Description = defaults is null ? spec.Description : $"{spec.Description} [{defaults}]" };
        if (helpName is not null) option.HelpName = helpName;
        return option;
    }

    private static Option<string> CreatePreflight() =>
        Choice(InputTable.Preflight.Cli!, [.. InputTable.Preflight.Choices!], InputTable.Preflight.Default!, InputTable.Preflight.Description);

    private static Option<string> CreateOutput() =>
        Choice("--output", ["text", "json"], "text", "text for people, json for machines (stdout holds only the document).", "-o");

    /// <summary>An option that takes one of <paramref name="choices"/>, shown as a|b|c, with its default.</summary>
    private static Option<string> Choice(string name, string[] choices, string defaultValue, string description, params string[] aliases)
    {
        var option = new Option<string>(name, aliases)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
            HelpName = string.Join("|", choices),
        };
        option.AcceptOnlyFromAmong(choices);
        return option;
    }
}
