using DdGates.Emulator;
using DdGates.Tests.Cli;
using DdGates.Tests.Support;

namespace DdGates.Tests.Scale;

/// <summary>
/// Every command, against an emulator that accepts the keys, one that refuses them and one that
/// fails every request: the distinctive key values must appear in no stdout, stderr, output or
/// summary, on any host (the hosts' own mask commands excepted: they are how masking works).
/// </summary>
public class SecretsTests
{
    private const string ApiKey = "zz-API-KEY-c8d7e6f5a4b3";
    private const string AppKey = "zz-APP-KEY-1a2b3c4d5e6f";
    private const string Gates = "gates:\n  - service: web\n    env: prod\n    rules:\n      - { name: a, type: monitor, options: { query: q } }\n";

    public static TheoryData<string> Servers => ["accepting", "refusing", "failing"];

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task No_key_value_leaks_from_any_command(string server)
    {
        await using var emulator = await EmulatorHost.StartAsync(server switch
        {
            "refusing" => new EmulatorOptions { ApiKey = "other", AppKey = "other" },
            "failing" => new EmulatorOptions { FaultRate = 1, FaultKinds = ["500"] },
            _ => new EmulatorOptions(),
        });
        var file = CliRunner.TempFile(Gates);
        var env = new Dictionary<string, string> { ["DD_API_KEY"] = ApiKey, ["DD_APP_KEY"] = AppKey };
        var url = emulator.BaseUrl.AbsoluteUri;
        var seen = new List<string>();
        foreach (var args in new[]
        {
            new[] { "validate", "--config", file },
            ["plan", "--config", file, "--api-url", url],
            ["apply", "--config", file, "--api-url", url],
            ["apply", "--config", file, "--api-url", url, "-o", "json"],
            ["evaluate", "--config", file, "--api-url", url, "--timeout", "3", "--fail-on-error"],
        })
        {
            var run = await CliRunner.RunAsync(env, args);
            seen.Add(run.Stdout + run.Stderr);
        }

        var file2 = CliRunner.TempFile(Gates);
        foreach (var host in new[] { "github", "azure", "console" })
        {
            foreach (var command in new[] { "plan", "apply", "evaluate" })
            {
                var inputs = new Dictionary<string, string> { ["command"] = command, ["config"] = file2, ["timeout"] = "5" };
                var step = await HostedStep.RunAsync(host, emulator, inputs, ApiKey, AppKey);
                var lines = (step.Stdout + step.Stderr).Split('\n').Where(l => !l.StartsWith("::add-mask::", StringComparison.Ordinal) && !l.StartsWith("##vso[task.setsecret]", StringComparison.Ordinal));
                seen.Add(string.Join("\n", lines) + step.Summary + string.Join("\n", step.Outputs.Values));
            }
        }

        Assert.All(seen, text =>
        {
            Assert.DoesNotContain(ApiKey, text, StringComparison.Ordinal);
            Assert.DoesNotContain(AppKey, text, StringComparison.Ordinal);
        });
        Assert.Equal(5 + 9, seen.Count);
    }
}
