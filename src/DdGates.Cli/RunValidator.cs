using DdGates.Api;
using DdGates.Config;

namespace DdGates.Cli;

/// <summary>
/// Checks every input before the first request and reports all problems at once: the gates or rules
/// file, the selection flags, the site or API URL, both keys (never echoing their values).
/// </summary>
public static class RunValidator
{
    public static (ValidatedRun? Run, IReadOnlyList<Diagnostic> Problems) Validate(RunSettings s, Func<string, string?> readFile, bool needsKeys)
    {
        var problems = new List<Diagnostic>();
        var desired = LoadDesired(s, readFile, problems);
        problems.AddRange(desired.Diagnostics);
        var (apiUrl, keys) = Connection(s, needsKeys, problems);
        return problems.Count > 0 ? (null, problems) : (new ValidatedRun(desired, apiUrl!, keys, s.Concurrency), []);
    }

    /// <summary>Site or API URL, concurrency and both keys; problems are added to <paramref name="problems"/>.</summary>
    public static (Uri? ApiUrl, Credentials Keys) Connection(RunSettings s, bool needsKeys, List<Diagnostic> problems)
    {
        Uri? apiUrl = null;
        if (!string.IsNullOrWhiteSpace(s.ApiUrl))
        {
            if (Uri.TryCreate(s.ApiUrl.Trim(), UriKind.Absolute, out var url) && url.Scheme is "http" or "https") apiUrl = url;
            else problems.Add(new Diagnostic("--api-url", 0, 0, "", $"\"{s.ApiUrl}\" is not an http(s) URL"));
        }
        else if (DatadogSite.TryGetApiUrl(s.Site ?? DatadogSite.Default, out var siteUrl, out var error)) apiUrl = siteUrl;
        else problems.Add(new Diagnostic("--site", 0, 0, "", error));

        if (s.Concurrency is < 1 or > 64) problems.Add(new Diagnostic("--concurrency", 0, 0, "", $"must be between 1 and 64, found {s.Concurrency}"));
        return (apiUrl, needsKeys ? CheckCredentials(s, problems) : new Credentials("", ""));
    }

    /// <summary>The two keys or an access token, never both; nothing set is one problem that says how to set them here.</summary>
    private static Credentials CheckCredentials(RunSettings s, List<Diagnostic> problems)
    {
        var keysGiven = new[] { (s.ApiKey, s.ApiKeySource), (s.AppKey, s.AppKeySource) }.Where(k => !string.IsNullOrEmpty(k.Item1)).Select(k => k.Item2).ToList();
        if (!string.IsNullOrEmpty(s.AccessToken))
        {
            if (keysGiven.Count > 0)
            {
                problems.Add(new Diagnostic(s.AccessTokenSource, 0, 0, "", $"give either an access token or the API and application keys, not both (also set: {string.Join(", ", keysGiven)})"));
            }
            else if (Credentials.Problem(s.AccessToken) is { } tokenProblem)
            {
                problems.Add(new Diagnostic(s.AccessTokenSource, 0, 0, "", tokenProblem));
            }

            return Credentials.FromToken(s.AccessToken);
        }

        if (keysGiven.Count == 0)
        {
            problems.Add(new Diagnostic("Datadog credentials", 0, 0, "", $"none given: {s.CredentialsHelp}"));
        }
        else
        {
            if (Credentials.Problem(s.ApiKey) is { } apiProblem) problems.Add(new Diagnostic(s.ApiKeySource, 0, 0, "", apiProblem));
            if (Credentials.Problem(s.AppKey) is { } appProblem) problems.Add(new Diagnostic(s.AppKeySource, 0, 0, "", appProblem));
        }

        return new Credentials(s.ApiKey ?? "", s.AppKey ?? "");
    }

    private static DesiredState LoadDesired(RunSettings s, Func<string, string?> readFile, List<Diagnostic> problems)
    {
        if (s.ConfigPath is { } path)
        {
            if (s.Rules is not null) problems.Add(new Diagnostic("--rules", 0, 0, "", "give either a gates file (--config) or --rules for one gate, not both"));
            if (s.DryRun is not null) problems.Add(new Diagnostic("--dry-run", 0, 0, "", "with a gates file, set dry_run in the file (per env if needed)"));
            var text = readFile(path);
            if (text is null) return new DesiredState([], [new Diagnostic(path, 0, 0, "", "cannot read the gates file (does it exist?)")]);
            return DesiredStateLoader.FromGatesFile(text, path).Select(s.Service, s.Env, s.Identifier, path).WithPrune(s.Prune);
        }

        if (s.Rules is null)
        {
            return new DesiredState([], [new Diagnostic("--config", 0, 0, "", "give a gates file (--config FILE), or --service, --env and --rules for one gate")]);
        }

        var (rulesText, rulesFile) = RulesSource.Resolve(s.Rules, readFile);
        if (rulesText is null) return new DesiredState([], [new Diagnostic(rulesFile, 0, 0, "", "cannot read the rules file (does it exist?)")]);
        return DesiredStateLoader.FromFlags(s.Service, s.Env, s.Identifier, s.DryRun, rulesText, rulesFile).WithPrune(s.Prune);
    }
}
