namespace DdGates.Inputs;

/// <summary>
/// What a run can be told, by meaning only. How a host spells each one (a CLI flag, a GitHub action input, an Azure
/// task input) is the CLI's business: Core names an input by this, and the CLI's input table gives its spellings.
/// </summary>
public enum Input
{
    ApiKey,
    AppKey,
    AccessToken,
    Site,
    ApiUrl,
    Command,
    Config,
    Service,
    Env,
    Identifier,
    DryRun,
    Rules,
    Prune,
    FailOnDrift,
    ExpectPlan,
    Preflight,
    PrComment,
    GitHubToken,
    Version,
    PrimaryTag,
    Timeout,
    FailOnError,
    Inline,
    Days,
    MinEvaluations,
    FailUnlessReady,
    ExportFile,
    Fold,
    Concurrency,
}
