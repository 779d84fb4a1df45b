using System.CommandLine;

namespace DdGates.Cli;

/// <summary>The options shared by plan, apply and validate, and how they become <see cref="RunSettings"/>.</summary>
public sealed class CliOptions
{
    public Option<string?> Config { get; } = new("--config", "-c") { Description = "Gates file (YAML or JSON) declaring one or many gates.", HelpName = "FILE" };
    public Option<string?> Service { get; } = new("--service") { Description = "Service of the gate. With --config: only gates of this service." };
    public Option<string?> Env { get; } = new("--env") { Description = "Environment of the gate. With --config: only gates of this env." };
    public Option<string?> Identifier { get; } = new("--identifier") { Description = "Gate identifier (default \"default\"). With --config: only gates with this identifier." };
    public Option<bool?> DryRun { get; } = new("--dry-run") { Description = "One gate from flags: create or set the gate in dry-run mode (true/false)." };
    public Option<string?> Rules { get; } = new("--rules") { Description = "One gate from flags: its rules, as a file path or inline YAML/JSON. datadog-ci's JSON gate configuration is accepted as is.", HelpName = "FILE|TEXT" };
    public Option<bool> Prune { get; } = new("--prune") { Description = "Delete rules on the selected gates that the file does not list (default: keep and report them)." };
    public Option<string?> Site { get; } = new("--site") { Description = "Datadog site, e.g. datadoghq.eu (default: DD_SITE, DATADOG_SITE, or datadoghq.com)." };
    public Option<string?> ApiUrl { get; } = new("--api-url") { Description = "API base URL, overriding the site (e.g. the emulator's http://127.0.0.1:PORT)." };
    public Option<int> Concurrency { get; } = new("--concurrency") { Description = "Gates worked on at once (1 to 64).", DefaultValueFactory = _ => 4 };
    public Option<string> Output { get; } = CreateOutput();

    public IEnumerable<Option> All => [Config, Service, Env, Identifier, DryRun, Rules, Prune, Site, ApiUrl, Concurrency, Output];

    public RunSettings Read(ParseResult result, Func<string, string?> env)
    {
        var (apiKey, apiKeySource) = FirstSet(env, "DD_API_KEY", "DATADOG_API_KEY");
        var (appKey, appKeySource) = FirstSet(env, "DD_APP_KEY", "DATADOG_APP_KEY");
        return new RunSettings
        {
            ConfigPath = result.GetValue(Config),
            Service = result.GetValue(Service),
            Env = result.GetValue(Env),
            Identifier = result.GetValue(Identifier),
            DryRun = result.GetValue(DryRun),
            Rules = result.GetValue(Rules),
            Prune = result.GetValue(Prune),
            Site = result.GetValue(Site) ?? FirstSet(env, "DD_SITE", "DATADOG_SITE").Value,
            ApiUrl = result.GetValue(ApiUrl),
            ApiKey = apiKey,
            ApiKeySource = apiKeySource,
            AppKey = appKey,
            AppKeySource = appKeySource,
            Concurrency = result.GetValue(Concurrency),
            Output = result.GetValue(Output) == "json" ? OutputFormat.Json : OutputFormat.Text,
        };
    }

    private static Option<string> CreateOutput()
    {
        var option = new Option<string>("--output", "-o") { Description = "text for people, json for machines (stdout holds only the document).", DefaultValueFactory = _ => "text", HelpName = "text|json" };
        option.AcceptOnlyFromAmong("text", "json");
        return option;
    }

    private static (string? Value, string Source) FirstSet(Func<string, string?> env, string first, string second) =>
        !string.IsNullOrEmpty(env(first)) ? (env(first), first)
        : !string.IsNullOrEmpty(env(second)) ? (env(second), second)
        : (null, $"{first} (or {second})");
}
