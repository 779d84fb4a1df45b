using System.CommandLine;
using System.Globalization;
using DdGates.Inputs;

namespace DdGates.Cli.Inputs;

/// <summary>The options of plan, apply and validate, built from <see cref="InputTable"/>, and how they become <see cref="RunSettings"/>.</summary>
public sealed class CliOptions
{
    public Option<string?> Config { get; } = Text(InputTable.Config, "FILE", "-c");
    public Option<string?> Service { get; } = Text(InputTable.Service);
    public Option<string?> Env { get; } = Text(InputTable.Env);
    public Option<string?> Identifier { get; } = Text(InputTable.Identifier);
    public Option<bool?> DryRun { get; } = new(InputTable.DryRun.Cli!) { Description = InputTable.DryRun.Description };
    public Option<string?> Rules { get; } = Text(InputTable.Rules, "FILE|TEXT");
    public Option<bool> Prune { get; } = Flag(InputTable.Prune);
    public Option<string?> Site { get; } = Text(InputTable.Site);
    public Option<string?> ApiUrl { get; } = Text(InputTable.ApiUrl, "URL");
    public Option<int> Concurrency { get; } = new(InputTable.Concurrency.Cli!)
    {
        Description = InputTable.Concurrency.Description,
        DefaultValueFactory = _ => int.Parse(InputTable.Concurrency.Default!, CultureInfo.InvariantCulture),
    };

    /// <summary>CLI only: the action and the task always write outputs and a summary instead.</summary>
    public Option<string> Output { get; } = CreateOutput();

    public IEnumerable<Option> All => [Config, Service, Env, Identifier, DryRun, Rules, Prune, Site, ApiUrl, Concurrency, Output];

    public RunSettings Read(ParseResult result, Func<string, string?> env) => new()
    {
        ConfigPath = result.GetValue(Config),
        Service = result.GetValue(Service),
        Env = result.GetValue(Env),
        Identifier = result.GetValue(Identifier),
        DryRun = result.GetValue(DryRun),
        Rules = result.GetValue(Rules),
        Prune = result.GetValue(Prune),
        Site = result.GetValue(Site) ?? Given.FromEnvironment(InputTable.Site, env).Value,
        ApiUrl = result.GetValue(ApiUrl),
        ApiKey = Given.FromEnvironment(InputTable.ApiKey, env),
        AppKey = Given.FromEnvironment(InputTable.AppKey, env),
        AccessToken = Given.FromEnvironment(InputTable.AccessToken, env),
        Concurrency = result.GetValue(Concurrency),
        Output = result.GetValue(Output) == "json" ? OutputFormat.Json : OutputFormat.Text,
    };

    public static Option<bool> Flag(InputSpec spec) => new(spec.Cli!) { Description = spec.Description };

    private static Option<string?> Text(InputSpec spec, string? helpName = null, params string[] aliases)
    {
        var option = new Option<string?>(spec.Cli!, aliases) { Description = spec.Description };
        if (helpName is not null) option.HelpName = helpName;
        return option;
    }

    private static Option<string> CreateOutput()
    {
        var option = new Option<string>("--output", "-o")
        {
            Description = "text for people, json for machines (stdout holds only the document).",
            DefaultValueFactory = _ => "text",
            HelpName = "text|json",
        };
        option.AcceptOnlyFromAmong("text", "json");
        return option;
    }
}
