using DdGates.Api;
using DdGates.Cli.Inputs;
using DdGates.Config;
using DdGates.Inputs;
using DdGates.Planning;
using DdGates.Preflight;
using DdGates.Reconciling;

namespace DdGates.Cli.Commands.Reconcile;

/// <summary>
/// Checks every input before the first request and reports all problems at once: the gates or rules
/// file, the selection, the site or API URL, the credentials (never echoing their values).
/// </summary>
public static class ReconcileValidator
{
    public static (ValidatedRun? Run, IReadOnlyList<Diagnostic> Problems) Validate(RunSettings s, Func<string, string?> readFile, bool needsKeys)
    {
        var problems = new List<Diagnostic>();
        var desired = LoadDesired(s, readFile, problems);
        problems.AddRange(desired.Diagnostics);
        var (apiUrl, keys) = Connection(s, needsKeys, problems);
        var expect = s.ExpectPlan?.Trim().ToLowerInvariant();
        if (expect is not null && (expect.Length != Planning.PlanHash.Length || !expect.All(Uri.IsHexDigit)))
        {
            problems.Add(Diagnostic.About(InputTable.ExpectPlan, $"expected the {Planning.PlanHash.Length} hex digits of a plan-hash, found \"{s.ExpectPlan}\""));
        }

        var preflight = PreflightModes.Parse(s.Preflight);
        if (preflight is null) problems.Add(Diagnostic.About(InputTable.Preflight, $"must be one of {string.Join(", ", PreflightModes.Names)}, found \"{s.Preflight}\""));
        return problems.Count > 0 ? (null, problems) : (new ValidatedRun(desired, apiUrl!, keys, s.Concurrency) { ExpectPlan = expect, Preflight = preflight!.Value }, []);
    }

    /// <summary>Site or API URL, concurrency and credentials; problems are added to <paramref name="problems"/>.</summary>
    public static (Uri? ApiUrl, Credentials Keys) Connection(RunSettings s, bool needsKeys, List<Diagnostic> problems)
    {
        Uri? apiUrl = null;
        if (!string.IsNullOrWhiteSpace(s.ApiUrl))
        {
            if (Uri.TryCreate(s.ApiUrl.Trim(), UriKind.Absolute, out var url) && url.Scheme is "http" or "https") apiUrl = url;
            else problems.Add(Diagnostic.About(InputTable.ApiUrl, $"\"{s.ApiUrl}\" is not an http(s) URL"));
        }
        else if (DatadogSite.TryGetApiUrl(s.Site ?? DatadogSite.Default, out var siteUrl, out var error)) apiUrl = siteUrl;
        else problems.Add(Diagnostic.About(InputTable.Site, $"{error} ({s.Names.Of(Input.ApiUrl)})"));

        if (s.Concurrency is < InputTable.MinConcurrency or > InputTable.MaxConcurrency)
        {
            problems.Add(Diagnostic.About(InputTable.Concurrency, $"must be between {InputTable.MinConcurrency} and {InputTable.MaxConcurrency}, found {s.Concurrency}"));
        }

        return (apiUrl, needsKeys ? CheckCredentials(s, problems) : new Credentials("", ""));
    }

    /// <summary>The two keys or an access token, never both; nothing set is one problem that says how to set them here.</summary>
    private static Credentials CheckCredentials(RunSettings s, List<Diagnostic> problems)
    {
        var keysGiven = new[] { s.ApiKey, s.AppKey }.Where(k => !string.IsNullOrEmpty(k.Value)).ToList();
        if (s.AccessToken.Value is { Length: > 0 } token)
        {
            foreach (var key in keysGiven)
            {
                problems.Add(new Diagnostic(key.Source, "", "set together with an access token; give either the token or the API and application keys, not both"));
            }

            if (keysGiven.Count == 0 && Credentials.Problem(token) is { } tokenProblem)
            {
                problems.Add(new Diagnostic(s.AccessToken.Source, "", tokenProblem));
            }

            return Credentials.FromToken(token);
        }

        if (keysGiven.Count == 0) problems.Add(new Diagnostic(s.ApiKey.Source, "", $"no Datadog credentials given: {s.CredentialsHelp}"));
        else
        {
            // One key given: the other one is missing, and said so.
            foreach (var key in new[] { s.ApiKey, s.AppKey })
            {
                if (Credentials.Problem(key.Value) is { } problem) problems.Add(new Diagnostic(key.Source, "", problem));
            }
        }

        return new Credentials(s.ApiKey.Value ?? "", s.AppKey.Value ?? "");
    }

    private static DesiredState LoadDesired(RunSettings s, Func<string, string?> readFile, List<Diagnostic> problems)
    {
        if (s.ConfigPath is { } path)
        {
            if (s.Rules is not null) problems.Add(Diagnostic.About(InputTable.Rules, "give either a gates file or the rules of one gate, not both"));
            if (s.DryRun is not null) problems.Add(Diagnostic.About(InputTable.DryRun, "with a gates file, set dry_run in the file (per env if needed)"));
            var text = readFile(path);
            if (text is null) return new DesiredState([], [new Diagnostic(path, 0, 0, "", "cannot read the gates file (does it exist?)")]);
            return DesiredStateLoader.FromGatesFile(text, path).Select(s.Service, s.Env, s.Identifier, path).WithPrune(s.Prune);
        }

        if (s.Rules is null)
        {
            return new DesiredState([], [Diagnostic.About(InputTable.Config, "give a gates file, or the service, env and rules of one gate")]);
        }

        var (rulesText, rulesFile) = RulesSource.Resolve(s.Rules, readFile);
        if (rulesText is null) return new DesiredState([], [new Diagnostic(rulesFile, 0, 0, "", "cannot read the rules file (does it exist?)")]);
        return DesiredStateLoader.FromInputs(s.Service, s.Env, s.Identifier, s.DryRun, rulesText, rulesFile).WithPrune(s.Prune);
    }
}
