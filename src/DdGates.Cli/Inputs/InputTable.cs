using DdGates.Api;
using DdGates.Inputs;

namespace DdGates.Cli.Inputs;

/// <summary>
/// The single source of truth for every input and its spellings on each host. action.yml and task/.../task.json are checked against it
/// by a test, the CLI builds its options from it, and a problem with an input names its row.
/// </summary>
public static class InputTable
{
    public static readonly InputSpec ApiKey = new(Input.ApiKey, "api-key", "apiKey", null, null,
        "Datadog API key. Pass it from a secret.", InputKind.Secret, EnvFallbacks: ["DD_API_KEY", "DATADOG_API_KEY"]);
    public static readonly InputSpec AppKey = new(Input.AppKey, "app-key", "appKey", null, null,
        "Datadog application key with the deployment_gates_read and deployment_gates_write scopes. Pass it from a secret.", InputKind.Secret,
        EnvFallbacks: ["DD_APP_KEY", "DATADOG_APP_KEY"]);
    public static readonly InputSpec AccessToken = new(Input.AccessToken, "access-token", "accessToken", null, null,
        "Instead of the two keys: a Datadog OAuth access token, sent as Authorization: Bearer. Pass it from a secret.",
        InputKind.Secret, EnvFallbacks: ["DD_ACCESS_TOKEN"]);
    public static readonly InputSpec Site = new(Input.Site, "site", "site", "--site", DatadogSite.Default,
        $"Datadog site: {string.Join(", ", DatadogSite.Supported.SkipLast(1))} or {DatadogSite.Supported[^1]}.", EnvFallbacks: ["DD_SITE", "DATADOG_SITE"]);
    public static readonly InputSpec ApiUrl = new(Input.ApiUrl, "api-url", "apiUrl", "--api-url", null,
        "API base URL, overriding the site (a proxy, or the emulator's http://127.0.0.1:PORT).");
    public static readonly InputSpec Command = new(Input.Command, "command", "command", null, "apply",
        "apply: make Datadog hold exactly the declared gates and rules. plan: show what would change, write nothing. evaluate: ask the gate whether to deploy and fail when it says no. apply-and-evaluate: both, in one step. report: whether each gate is ready to enforce, from its evaluation history. export: the gates that exist in Datadog, as a gates file.",
        InputKind.Choice, ["apply", "plan", "evaluate", "apply-and-evaluate", "report", "export"]);
    public static readonly InputSpec Config = new(Input.Config, "config", "config", "--config", null,
        "Gates file (YAML or JSON) declaring one or many gates. An entry's service and env take one value or a list (a gate per pair); rule names, queries and excluded resources take {service}, {env} and {identifier}.", InputKind.FilePath);
    public static readonly InputSpec Service = new(Input.Service, "service", "service", "--service", null,
        "Service of the gate. With a gates file: only the gates of this service.");
    public static readonly InputSpec Env = new(Input.Env, "env", "env", "--env", null,
        "Environment of the gate. With a gates file: only the gates of this env.");
    public static readonly InputSpec Identifier = new(Input.Identifier, "identifier", "identifier", "--identifier", null,
        "Gate identifier (Datadog's default is \"default\"). With a gates file: only the gates with this identifier.");
    public static readonly InputSpec DryRun = new(Input.DryRun, "dry-run", "dryRun", "--dry-run", null,
        "One gate from inputs: true to create or set the gate in dry-run mode (evaluated, never blocking).", InputKind.Boolean);
    public static readonly InputSpec Rules = new(Input.Rules, "rules", "rules", "--rules", null,
        "One gate from inputs: its rules, inline YAML/JSON or a file path. datadog-ci's JSON gate configuration is accepted as is.", InputKind.MultiLine);
    public static readonly InputSpec Prune = new(Input.Prune, "prune", "prune", "--prune", "false",
        "Delete rules on the selected gates that the file does not list (default: keep and report them as unmanaged), and, when the file declares a scope, the gates inside it that the file no longer lists.", InputKind.Boolean);
    public static readonly InputSpec FailOnDrift = new(Input.FailOnDrift, "fail-on-drift", "failOnDrift", "--fail-on-drift", "false",
        "With plan: fail the step when changes are pending.", InputKind.Boolean);
    public static readonly InputSpec ExpectPlan = new(Input.ExpectPlan, "expect-plan", "expectPlan", "--expect-plan", null,
        "apply: the plan-hash of the reviewed plan. Apply refuses, before any write, when the plan it would carry out has another hash.");
    public static readonly InputSpec Preflight = new(Input.Preflight, "preflight", "preflight", "--preflight", "warn",
        "plan and apply: before any write, count the monitors each monitor rule's query selects (as the gate does: not muted), once per distinct query. warn: a rule that matches no monitor or more than 50 (Datadog fails it) is a warning. fail: such a rule, unless dry run, fails plan and stops apply before its first write. off: no search. Needs the monitors_read permission; without it the check is skipped with a notice.",
        InputKind.Choice, ["warn", "fail", "off"]);
    public static readonly InputSpec PrComment = new(Input.PrComment, "pr-comment", "prComment", null, "true",
        "plan: on a pull request, post the plan as one comment, updated in place on every run (GitHub: the job needs pull-requests: write; Azure Repos: map System.AccessToken into the step as SYSTEM_ACCESSTOKEN). Nothing is posted outside pull requests.",
        InputKind.Boolean);
    public static readonly InputSpec GitHubToken = new(Input.GitHubToken, "github-token", "githubToken", null, "${{ github.token }}",
        "GitHub only: the token that posts the plan comment on the pull request (default: the workflow's token).", InputKind.Secret);
    public static readonly InputSpec Version = new(Input.Version, "version", "version", "--version", null,
        "evaluate: the version being deployed (required by faulty deployment detection rules).");
    public static readonly InputSpec PrimaryTag = new(Input.PrimaryTag, "primary-tag", "primaryTag", "--primary-tag", null,
        "evaluate: APM primary tag of the deployment, e.g. region:us-east-1.");
    public static readonly InputSpec Timeout = new(Input.Timeout, "timeout", "timeout", "--timeout", "3600",
        "evaluate: seconds to wait for the verdict, counted from the start of the step. Keep it above the longest rule duration plus warmup, and below the job's own timeout (default 3600; 2700 on Azure Pipelines, whose jobs time out after 60 minutes by default).",
        InputKind.WholeNumber, AzureDefault: "2700");
    public static readonly InputSpec FailOnError = new(Input.FailOnError, "fail-on-error", "failOnError", "--fail-on-error", "false",
        "evaluate: also block the deploy when Datadog cannot be reached or gives no verdict in time (error, timeout). A failed gate always blocks.", InputKind.Boolean);
    public static readonly InputSpec Inline = new(Input.Inline, "inline", "inline", "--inline", "false",
        "evaluate: send the gate's rules from the gates file with the request (no stored gate needed). Rules given with the rules input are always sent inline.", InputKind.Boolean);
    public static readonly InputSpec Days = new(Input.Days, "days", "days", "--days", "14",
        $"report: the window, in days up to now (1 to {MaxReportDays}, Datadog's longest history window).", InputKind.WholeNumber);
    public static readonly InputSpec MinEvaluations = new(Input.MinEvaluations, "min-evaluations", "minEvaluations", "--min-evaluations", "10",
        "report: finished evaluations a gate needs in the window to be ready.", InputKind.WholeNumber);
    public static readonly InputSpec FailUnlessReady = new(Input.FailUnlessReady, "fail-unless-ready", "failUnlessReady", "--fail-unless-ready", "false",
        "report: fail the step unless every selected gate is ready (to gate a promotion).", InputKind.Boolean);
    public static readonly InputSpec ExportFile = new(Input.ExportFile, "export-file", "exportFile", "--file", null,
        "export: write the gates file here (default: the log, or stdout on the command line).", InputKind.FilePath);
    public static readonly InputSpec Fold = new(Input.Fold, "fold", "fold", "--fold", "false",
        "export: also fold gates of many services into one entry when their rules are the same once each gate's service and env are written as {service} and {env} (a service list, placeholders in names, queries and excluded resources).",
        InputKind.Boolean);
    public static readonly InputSpec Concurrency = new(Input.Concurrency, "concurrency", "concurrency", "--concurrency", "8",
        $"Requests in flight at once, across gates ({MinConcurrency} to {MaxConcurrency}). A 429 pauses all of them until the reset.", InputKind.WholeNumber);

    /// <summary>Inputs only the GitHub Action has (Azure's token is System.AccessToken, mapped into the step's environment).</summary>
    public static readonly IReadOnlyList<InputSpec> GitHubOnly = [GitHubToken];

    public const int MinConcurrency = 1;
    public const int MaxConcurrency = 64;
    public const int MaxTimeoutSeconds = 86_400;
    public const int MaxReportDays = 30;

    /// <summary>The row of an input Core names by meaning.</summary>
    public static InputSpec Of(Input input) => ByMeaning[input];

    public static readonly IReadOnlyList<InputSpec> All =
        [ApiKey, AppKey, AccessToken, Site, ApiUrl, Command, Config, Service, Env, Identifier, DryRun, Rules, Prune, FailOnDrift, ExpectPlan, Preflight, PrComment, GitHubToken,
         Version, PrimaryTag, Timeout, FailOnError, Inline, Days, MinEvaluations, FailUnlessReady, ExportFile, Fold, Concurrency];

    private static readonly Dictionary<Input, InputSpec> ByMeaning = All.ToDictionary(i => i.Meaning);
}
