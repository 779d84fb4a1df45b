using DdGates.Cli.Platforms.AzurePipelines;
using DdGates.Http;

namespace DdGates.Cli.Inputs;

/// <summary>Every secret a run can hold, read once from where any host or the CLI could have put it.</summary>
public static class RunSecrets
{
    /// <summary>The agent's own token, when a step maps it (System.AccessToken): used for the Azure Repos comment.</summary>
    public const string AzureAccessToken = "SYSTEM_ACCESSTOKEN";

    public static SecretSet From(Func<string, string?> env)
    {
        var secrets = new SecretSet();
        foreach (var input in InputTable.All.Where(i => i.Kind == InputKind.Secret))
        {
            foreach (var name in input.Fallbacks.Prepend(input.AzureEnv).Prepend(input.GitHubEnv)) secrets.Add(env(name));
            secrets.Add(ServiceConnection.Value(input, env));
        }

        secrets.Add(env(AzureAccessToken));
        return secrets;
    }
}
