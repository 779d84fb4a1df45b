using DdGates.Api;
using DdGates.Cli.Exit;
using DdGates.Tests.Support;

namespace DdGates.Tests.Api;

public class SiteAndKeyTests
{
    [Theory]
    [InlineData("datadoghq.com", "https://api.datadoghq.com/")]
    [InlineData("us3.datadoghq.com", "https://api.us3.datadoghq.com/")]
    [InlineData("us5.datadoghq.com", "https://api.us5.datadoghq.com/")]
    [InlineData("datadoghq.eu", "https://api.datadoghq.eu/")]
    [InlineData("ap1.datadoghq.com", "https://api.ap1.datadoghq.com/")]
    [InlineData("ap2.datadoghq.com", "https://api.ap2.datadoghq.com/")]
    [InlineData("uk1.datadoghq.com", "https://api.uk1.datadoghq.com/")]
    [InlineData(" DatadogHQ.EU ", "https://api.datadoghq.eu/")]
    public void Every_site_maps_to_its_api_host(string site, string expected)
    {
        Assert.True(DatadogSite.TryGetApiUrl(site, out var url, out _));
        Assert.Equal(expected, url.AbsoluteUri);
    }

    [Theory]
    [InlineData("ddog-gov.com", "not available on ddog-gov.com")]
    [InlineData("us2.ddog-gov.com", "not available on us2.ddog-gov.com")]
    [InlineData("app.datadoghq.com", "Unknown Datadog site")]
    public void Gov_and_unknown_sites_are_refused_with_a_reason(string site, string message)
    {
        Assert.False(DatadogSite.TryGetApiUrl(site, out _, out var error));
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keys_and_site_are_read_from_the_DATADOG_spellings_too()
    {
        await using var emulator = await TestEmulator.StartAsync(new() { ApiKey = "k1", AppKey = "k2" });
        var env = new Dictionary<string, string> { ["DATADOG_API_KEY"] = "k1", ["DATADOG_APP_KEY"] = "k2", ["DATADOG_SITE"] = "datadoghq.eu" };

        var run = await CliRunner.RunAsync(env, "plan", "--service", "web", "--env", "prod", "--rules", "[]", "--api-url", emulator.BaseUrl.AbsoluteUri);
        var datadogSite = await CliRunner.RunAsync(new Dictionary<string, string>(env) { ["DATADOG_SITE"] = "datadoghq.gov" }, "plan", "--service", "web", "--env", "prod", "--rules", "[]");
        var ddSiteFirst = await CliRunner.RunAsync(new Dictionary<string, string>(env) { ["DD_SITE"] = "ddog-gov.com" }, "plan", "--service", "web", "--env", "prod", "--rules", "[]");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.True(datadogSite.ExitCode == ExitCodes.InvalidInput, datadogSite.ToString());
        Assert.Contains("--site: Unknown Datadog site \"datadoghq.gov\"", datadogSite.Stderr, StringComparison.Ordinal);
        Assert.Contains("--site: Deployment Gates are not available on ddog-gov.com", ddSiteFirst.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_access_token_alone_authenticates_as_a_bearer_token_and_sends_no_key()
    {
        await using var emulator = await TestEmulator.StartAsync(new() { ApiKey = "k1", AppKey = "k2", AccessToken = "oauth-token-1" });
        var headers = new List<string>();
        using var client = new DatadogClient(emulator.BaseUrl, Credentials.FromToken("oauth-token-1"), TestEmulator.FastRetries, null, new HeaderSpy(headers));

        var gates = await client.ListGatesAsync(null, default);
        var run = await CliRunner.RunAsync(new Dictionary<string, string> { ["DD_ACCESS_TOKEN"] = "oauth-token-1" },
            "apply", "--service", "web", "--env", "prod", "--rules", "[]", "--api-url", emulator.BaseUrl.AbsoluteUri);
        var wrong = await CliRunner.RunAsync(new Dictionary<string, string> { ["DD_ACCESS_TOKEN"] = "another" },
            "plan", "--service", "web", "--env", "prod", "--rules", "[]", "--api-url", emulator.BaseUrl.AbsoluteUri);

        Assert.Empty(gates);
        Assert.Equal(["Authorization: Bearer oauth-token-1"], headers);
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.NotNull(emulator.State.Store.Find("web", "prod", "default"));
        Assert.Equal(ExitCodes.Failed, wrong.ExitCode);
        Assert.Contains("403 Forbidden", wrong.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("another", wrong.Stdout + wrong.Stderr, StringComparison.Ordinal);
    }

    /// <summary>Records the auth headers each request really carries.</summary>
    private sealed class HeaderSpy(List<string> seen) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var headers = request.Headers.Where(h => h.Key is "Authorization" or "DD-API-KEY" or "DD-APPLICATION-KEY").Select(h => $"{h.Key}: {string.Join(",", h.Value)}");
            lock (seen) seen.AddRange(headers);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
