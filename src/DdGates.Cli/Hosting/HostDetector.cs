namespace DdGates.Cli.Hosting;

/// <summary>Picks the adapter from the environment, once, explicitly: no global singleton.</summary>
public static class HostDetector
{
    public static ICiHost Detect(TextWriter stdout, TextWriter stderr, Func<string, string?> env)
    {
        if (string.Equals(env("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase)) return new GitHubHost(stdout, env);
        return new ConsoleHost(stdout, stderr, env);
    }
}
