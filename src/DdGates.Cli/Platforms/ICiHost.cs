using DdGates.Cli.Commands.PlanComment;
using DdGates.Cli.Inputs;
using DdGates.Config;
using DdGates.Model;

namespace DdGates.Cli.Platforms;

/// <summary>
/// The CI host a step runs in, in the @actions/core vocabulary. Adapters only spell these verbs in
/// their platform's syntax (GitHub workflow commands and file commands, Azure logging commands, or a
/// plain console) and state their platform's limits; what to say is decided by the step's presenter.
/// </summary>
public interface ICiHost
{
    /// <summary>How this host spells inputs, for messages ("api-key", or "apiKey" on Azure).</summary>
    InputNames Names { get; }

    /// <summary>The pull request this run plans for, read from what this host tells a step; <see cref="PullRequestContext.None"/> where there is none.</summary>
    PullRequestContext PullRequest(string? gitHubToken, Func<string, string?> readFile);

    /// <summary>How a person gives this step Datadog credentials, in this host's words (for the message when none are set).</summary>
    string CredentialsHelp { get; }

    /// <summary>The largest summary this host shows for one step, in UTF-8 bytes.</summary>
    int SummaryLimitBytes { get; }

    /// <summary>How many error annotations a step gets before the host drops the rest.</summary>
    int ErrorAnnotationLimit { get; }

    /// <summary>The input's default on this host.</summary>
    string? Default(InputSpec input) => input.Default;

    /// <summary>The input's value, trimmed; null when unset or empty.</summary>
    string? GetInput(InputSpec input);

    /// <summary>Hides the value in everything the host shows from now on. Call before printing anything.</summary>
    void MaskSecret(string value);

    void SetOutput(OutputSpec output, string value);

    /// <summary>Detail shown only when the person turns on step debugging.</summary>
    void Debug(string message);

    void Info(string message);

    void Warning(string message, SourceLocation? at = null);

    /// <summary>A notice: worth knowing, nothing wrong (GitHub's notice annotation; Azure has none, so a log line).</summary>
    void Notice(string message, SourceLocation? at = null);

    /// <summary>An error annotation. Past <see cref="ErrorAnnotationLimit"/> a host may show it as a plain log line.</summary>
    void Error(string message, SourceLocation? at = null);

    /// <summary>A collapsible section of the log, closed when disposed.</summary>
    IDisposable Group(string title);

    /// <summary>Appends markdown to the step's summary (GitHub job summary, Azure summary tab).</summary>
    void AppendSummary(string markdown);

    /// <summary>Called once when the step ends: a host that shows the summary as one titled card (Azure) attaches it now.</summary>
    void FlushSummary(string title);

    /// <summary>Marks the step failed with a reason. The exit code still comes from Main.</summary>
    void Fail(string reason);

    /// <summary>The step goes on, but the run must show it did not get what it asked for (Azure: orange; GitHub: a warning).</summary>
    void SucceedWithIssues(string reason);
}
