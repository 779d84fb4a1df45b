using DdGates.Api;
using DdGates.Cli.Exit;
using DdGates.Tests.Support;

namespace DdGates.Tests.Config;

/// <summary>What is valid but deserves a second look: said as a warning, never blocking.</summary>
public class WarningTests
{
    [Fact]
    public async Task Gates_and_rules_that_differ_only_by_case_are_warned_about_and_still_valid()
    {
        var file = CliRunner.TempFile("""
            gates:
              - service: web
                env: prod
                rules:
                  - { name: P0, type: monitor, options: { query: "service:web" } }
                  - { name: p0, type: monitor, options: { query: "service:web env:prod" } }
              - service: Web
                env: prod
            """);

        var run = await CliRunner.RunAsync(new Dictionary<string, string>(), "validate", "--config", file);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains($"{file}:2:5: gates web/prod/default and Web/prod/default differ only by case", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("rules \"P0\" and \"p0\" of gate web/prod/default differ only by case", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://api.example.invalid/", true)]
    [InlineData("http://user:secret@proxy.example.invalid:8080/", true)]
    [InlineData("https://api.example.invalid/", false)]
    [InlineData("http://127.0.0.1:8126/", false)]
    [InlineData("http://localhost:8126/", false)]
    [InlineData("http://[::1]:8126/", false)]
    public void Http_to_a_host_off_this_machine_is_warned_about(string url, bool warned)
    {
        var warning = DatadogSite.PlaintextWarning(new Uri(url));

        Assert.Equal(warned, warning is not null);
        Assert.DoesNotContain("secret", warning ?? "", StringComparison.Ordinal); // the authority, never the user info
    }
}
