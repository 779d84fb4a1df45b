namespace DdGates.Cli;

/// <summary>Everything a run was asked to do, from flags and environment, before any validation.</summary>
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
    public string? ApiKey { get; init; }
    public string? AppKey { get; init; }
    public string ApiKeySource { get; init; } = "DD_API_KEY";
    public string AppKeySource { get; init; } = "DD_APP_KEY";
    /// <summary>An OAuth access token, instead of the two keys.</summary>
    public string? AccessToken { get; init; }
    public string AccessTokenSource { get; init; } = "DD_ACCESS_TOKEN";
    /// <summary>How a person sets credentials where this run comes from, for the message when none are set.</summary>
    public string CredentialsHelp { get; init; } = "set DD_API_KEY and DD_APP_KEY (or DATADOG_API_KEY and DATADOG_APP_KEY), or DD_ACCESS_TOKEN (an OAuth access token)";
    public int Concurrency { get; init; } = 8;
    public OutputFormat Output { get; init; } = OutputFormat.Text;
    public bool DetailedExitCode { get; init; }
    /// <summary>plan: changes pending are a failure (exit 1), for drift checks on pull requests.</summary>
    public bool FailOnDrift { get; init; }
}

public enum OutputFormat
{
    Text,
    Json,
}
