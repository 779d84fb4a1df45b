using System.Globalization;
using DdGates.Cli.Hosting;
using DdGates.Config;

namespace DdGates.Cli.Inputs;

/// <summary>What a CI step asked for: the run settings plus the command, read through the host from the input table.</summary>
public sealed record ActionInputs(RunSettings Settings, EvaluateSettings Evaluate, string Command, IReadOnlyList<Diagnostic> Problems)
{
    public bool IsPlan => Command == "plan";

    public bool Evaluates => Command is "evaluate" or "apply-and-evaluate";

    /// <summary>Reads every input; booleans as @actions/core's getBooleanInput does; keys fall back to the environment.</summary>
    public static ActionInputs Read(ICiHost host, Func<string, string?> env)
    {
        var problems = new List<Diagnostic>();
        string? Text(InputSpec spec) => host.GetInput(spec) ?? host.Default(spec);
        bool? Bool(InputSpec spec)
        {
            var value = Text(spec);
            if (value is null) return null;
            if (value is "true" or "True" or "TRUE") return true;
            if (value is "false" or "False" or "FALSE") return false;
            problems.Add(Problem(host, spec, $"expected true or false, found \"{value}\""));
            return null;
        }

        var command = Text(InputTable.Command)!;
        if (!InputTable.Command.Choices!.Contains(command)) problems.Add(Problem(host, InputTable.Command, $"must be one of {string.Join(", ", InputTable.Command.Choices!)}, found \"{command}\""));
        if (!int.TryParse(Text(InputTable.Concurrency), NumberStyles.None, CultureInfo.InvariantCulture, out var concurrency))
        {
            problems.Add(Problem(host, InputTable.Concurrency, $"expected a whole number, found \"{Text(InputTable.Concurrency)}\""));
            concurrency = int.Parse(InputTable.Concurrency.Default!, CultureInfo.InvariantCulture); // reported once, not again as out of range
        }

        var (apiKey, apiKeySource) = Key(host, env, InputTable.ApiKey, "DD_API_KEY", "DATADOG_API_KEY");
        var (appKey, appKeySource) = Key(host, env, InputTable.AppKey, "DD_APP_KEY", "DATADOG_APP_KEY");
        var (accessToken, accessTokenSource) = Key(host, env, InputTable.AccessToken, InputTable.AccessToken.EnvFallback!);
        var settings = new RunSettings
        {
            ConfigPath = Text(InputTable.Config),
            Service = Text(InputTable.Service),
            Env = Text(InputTable.Env),
            Identifier = Text(InputTable.Identifier),
            DryRun = Bool(InputTable.DryRun),
            Rules = Text(InputTable.Rules),
            Prune = Bool(InputTable.Prune) ?? false,
            Site = host.GetInput(InputTable.Site) ?? CliOptions.FirstSet(env, "DD_SITE", "DATADOG_SITE").Value,
            ApiUrl = Text(InputTable.ApiUrl),
            ApiKey = apiKey,
            ApiKeySource = apiKeySource,
            AppKey = appKey,
            AppKeySource = appKeySource,
            AccessToken = accessToken,
            AccessTokenSource = accessTokenSource,
            CredentialsHelp = host.CredentialsHelp,
            Concurrency = concurrency,
            FailOnDrift = Bool(InputTable.FailOnDrift) ?? false,
        };
        var evaluate = new EvaluateSettings(settings, Text(InputTable.Version), Text(InputTable.PrimaryTag), Text(InputTable.Timeout),
            Bool(InputTable.FailOnError) ?? false, Bool(InputTable.Inline) ?? false, ApplyFirst: command == "apply-and-evaluate");
        return new ActionInputs(settings, evaluate, command, problems);
    }

    /// <summary>The key and where it came from (named in messages, never the value).</summary>
    private static (string? Value, string Source) Key(ICiHost host, Func<string, string?> env, InputSpec input, string first, params string[] others) =>
        host.GetInput(input) is { } value ? (value, $"input {host.InputName(input)}") : CliOptions.FirstSet(env, first, others);

    private static Diagnostic Problem(ICiHost host, InputSpec spec, string message) => new($"input {host.InputName(spec)}", 0, 0, "", message);
}
