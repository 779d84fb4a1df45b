namespace DdGates.Cli.Hosting;

/// <summary>Picks the adapter from the environment, once, explicitly: no global singleton.</summary>
public static class HostDetector
{
    public static ICiHost Detect(TextWriter stdout, TextWriter stderr, Func<string, string?> env)
    {
        if (string.Equals(env("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase)) return new GitHubHost(stdout, env);
        // TF_BUILD is set by the agent; the task's wrapper also sets DDGATES_CI=azure for the container, to be explicit.
        if (string.Equals(env("TF_BUILD"), "true", StringComparison.OrdinalIgnoreCase) || env("DDGATES_CI") == "azure") return new AzureHost(stdout, env);
        return new ConsoleHost(stdout, stderr, env);
    }
}
