using DdGates.Cli.Inputs;
using DdGates.Model;

namespace DdGates.Cli.Hosting;

/// <summary>
/// The CI host a step runs in, in the @actions/core vocabulary. Adapters only spell these verbs in
/// their platform's syntax (GitHub workflow commands and file commands, Azure logging commands, or a
/// plain console); every decision lives in <see cref="ActionCommand"/>.
/// </summary>
public interface ICiHost
{
    string Name { get; }

    /// <summary>How this host spells the input's name, for messages ("api-key", or "apiKey" on Azure).</summary>
    string InputName(InputSpec input);

    /// <summary>How a person gives this step Datadog credentials, in this host's words (for the message when none are set).</summary>
    string CredentialsHelp { get; }

    /// <summary>The input's default on this host.</summary>
    string? Default(InputSpec input) => input.Default;

    /// <summary>The input's value, trimmed; null when unset or empty.</summary>
    string? GetInput(InputSpec input);

    /// <summary>Hides the value in everything the host shows from now on. Call before printing anything.</summary>
    void MaskSecret(string value);

    void SetOutput(OutputSpec output, string value);

    void Debug(string message);

    void Info(string message);

    void Warning(string message, SourceLocation? at = null);

    /// <summary>An error annotation; false when the host's limit per step was reached and it was not shown.</summary>
    bool Error(string message, SourceLocation? at = null);

    void StartGroup(string title);

    void EndGroup();

    /// <summary>Appends markdown to the step's summary (GitHub job summary, Azure summary tab).</summary>
    void AppendSummary(string markdown);

    /// <summary>Called once when the step ends: a host that shows the summary as one titled card (Azure) attaches it now.</summary>
    void FlushSummary(string title);

    /// <summary>Marks the step failed with a reason. The exit code still comes from Main.</summary>
    void Fail(string reason);

    /// <summary>The step goes on, but the run must show it did not get what it asked for (Azure: orange; GitHub: a warning).</summary>
    void SucceedWithIssues(string reason);
}
