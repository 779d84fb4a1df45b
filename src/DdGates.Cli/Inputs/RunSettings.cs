using System.Globalization;
using DdGates.Config;

namespace DdGates.Cli.Inputs;

/// <summary>Everything a run was asked to do, from flags, inputs and the environment, before any validation.</summary>
public sealed record RunSettings
{
    public string? ConfigPath { get; init; }
    public string? Service { get; init; }
    public string? Env { get; init; }
    public string? Identifier { get; init; }
    public bool? DryRun { get; init; }
    /// <summary>A rules file path, or inline YAML/JSON.</summary>
    public string? Rules { get; init; }
    public bool Prune { get; init; }
    public string? Site { get; init; }
    public string? ApiUrl { get; init; }
    public Sourced ApiKey { get; init; } = Sourced.Nothing(InputTable.ApiKey);
    public Sourced AppKey { get; init; } = Sourced.Nothing(InputTable.AppKey);
    /// <summary>An OAuth access token, instead of the two keys.</summary>
    public Sourced AccessToken { get; init; } = Sourced.Nothing(InputTable.AccessToken);
    /// <summary>How the place this run comes from spells inputs, for every message that names one.</summary>
    public InputNames Names { get; init; } = InputNames.CommandLine;
    /// <summary>How a person sets credentials where this run comes from, for the message when none are set.</summary>
    public string CredentialsHelp { get; init; } = "set DD_API_KEY and DD_APP_KEY (or DATADOG_API_KEY and DATADOG_APP_KEY), or DD_ACCESS_TOKEN (an OAuth access token)";
    public int Concurrency { get; init; } = int.Parse(InputTable.Concurrency.Default!, CultureInfo.InvariantCulture);
    public OutputFormat Output { get; init; } = OutputFormat.Text;
    public bool DetailedExitCode { get; init; }
    /// <summary>plan: changes pending are a failure (exit 1), for drift checks on pull requests.</summary>
    public bool FailOnDrift { get; init; }
    /// <summary>apply: the plan hash that was reviewed.</summary>
    public string? ExpectPlan { get; init; }

    /// <summary>warn, fail or off (checked by the validator); null means the default.</summary>
    public string? Preflight { get; init; }
}
