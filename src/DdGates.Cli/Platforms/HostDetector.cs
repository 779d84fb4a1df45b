using DdGates.Cli.Platforms.AzurePipelines;
using DdGates.Cli.Platforms.Console;
using DdGates.Cli.Platforms.GitHub;
namespace DdGates.Cli.Platforms;

/// <summary>Picks the adapter from the environment, once, explicitly: no global singleton.</summary>
public static class HostDetector
{
    public static ICiHost Detect(TextWriter stdout, TextWriter stderr, Func<string, string?> env)
    {
        if (IsGitHub(env)) return new GitHubHost(stdout, env);
        if (IsAzure(env)) return new AzureHost(stdout, env);
        return new ConsoleHost(stdout, stderr, env);
    }

    /// <summary>
    /// How plain text is kept from reading as a command in this log. Also for the terminal commands: <c>dd-gates plan</c>
    /// in a workflow's run step prints into a log the runner parses just the same.
    /// </summary>
    public static Func<string, string> Defuser(Func<string, string?> env) =>
        IsGitHub(env) ? WorkflowCommand.Defuse : IsAzure(env) ? LoggingCommand.Defuse : line => line;

    private static bool IsGitHub(Func<string, string?> env) => string.Equals(env("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase);

    // TF_BUILD is set by the agent; the task's wrapper also sets DDGATES_CI=azure for the container, to be explicit.
    private static bool IsAzure(Func<string, string?> env) =>
        string.Equals(env("TF_BUILD"), "true", StringComparison.OrdinalIgnoreCase) || env("DDGATES_CI") == "azure";
}
