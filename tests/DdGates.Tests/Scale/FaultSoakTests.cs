using System.Diagnostics;
using DdGates.Cli;
using DdGates.Cli.Exit;
using DdGates.Config;
using DdGates.Emulator;
using DdGates.Evaluation;
using DdGates.Http;
using DdGates.Tests.Support;

namespace DdGates.Tests.Scale;

/// <summary>
/// The fault soak: 20% of requests fail (429 with reset headers, 500, 503, dropped connections, slow
/// answers; half the 500s and drops after the change was made). A run that fails is run again, as a
/// person would. Afterwards Datadog must hold exactly the file: every gate, every rule once, nothing else.
/// Slow by design, so tagged: a plain <c>dotnet test</c> leaves it out (default.runsettings) and .ci/run runs it.
/// </summary>
[Trait("Category", "Soak")]
public class FaultSoakTests
{
    private const int Gates = 200;

    private static readonly RetryPolicy SoakRetries = TestEmulator.FastRetries with
    {
        MaxRetries = 6,
        BaseDelay = TimeSpan.FromMilliseconds(20),
        MaxDelay = TimeSpan.FromMilliseconds(500),
    };

    private static string GatesFile() => "gates:\n" + string.Concat(Enumerable.Range(0, Gates).Select(i =>
        $"  - service: soak-{i:D3}\n    env: [prod]\n    dry_run: {(i % 2 == 0 ? "true" : "false")}\n    rules:\n" +
        $"      - {{ name: P0, type: monitor, options: {{ query: \"service:soak-{i:D3}\", duration: {i % 7 * 60} }} }}\n" +
        $"      - {{ name: FDD, type: faulty_deployment_detection, dry_run: true, options: {{ duration: 900, excluded_resources: [\"GET /x{i}\"] }} }}\n"));

    [Theory]
    [InlineData(11)]
    [InlineData(23)]
    [InlineData(37)]
    public async Task Apply_under_20_percent_faults_converges_to_exactly_the_file(int seed)
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { FaultRate = 0.2, Seed = seed, RateLimitResetSeconds = 1 });
        var file = CliRunner.TempFile(GatesFile());

        var attempts = await ApplyUntilDoneAsync(() => InProcess(emulator, file));

        Assert.True(attempts <= 3, $"needed {attempts} runs");
        AssertStateIsExactlyTheFile(emulator);
        Assert.Contains(emulator.State.Log.Entries, e => e.Fault == "500 after handling" && e.Method == "POST");
    }

    [Fact]
    public async Task Four_processes_applying_one_file_at_once_under_faults_converge()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { FaultRate = 0.2, Seed = 41, RateLimitResetSeconds = 1 });
        var file = CliRunner.TempFile(GatesFile());

        var attempts = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => ApplyUntilDoneAsync(() => OwnProcess(emulator, file))));

        Assert.All(attempts, a => Assert.True(a <= 3, $"needed {a} runs"));
        AssertStateIsExactlyTheFile(emulator);
    }

    private static async Task<int> ApplyUntilDoneAsync(Func<Task<int>> apply)
    {
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            if (await apply() == ExitCodes.Ok) return attempt;
        }

        return int.MaxValue;
    }

    private static async Task<int> InProcess(EmulatorHost emulator, string file)
    {
        var env = CliRunner.Keys;
        return await CliApp.RunAsync(["apply", "--config", file, "--api-url", emulator.BaseUrl.AbsoluteUri], TextWriter.Null, TextWriter.Null,
            n => env.GetValueOrDefault(n), new CliRuntime(DateTimeOffset.UtcNow, SoakRetries, new PollSchedule()));
    }

    private static async Task<int> OwnProcess(EmulatorHost emulator, string file)
    {
        var start = ShippedBinary.Start("apply", "--config", file, "--api-url", emulator.BaseUrl.AbsoluteUri);

        start.Environment["DD_API_KEY"] = TestEmulator.ApiKey;
        start.Environment["DD_APP_KEY"] = TestEmulator.AppKey;
        using var process = Process.Start(start)!;
        var output = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        await process.WaitForExitAsync();
        await output;
        return process.ExitCode;
    }

    private static void AssertStateIsExactlyTheFile(EmulatorHost emulator)
    {
        var state = emulator.State.Store.Snapshot();
        Assert.Equal(Enumerable.Range(0, Gates).Select(i => $"soak-{i:D3}"), state.Select(g => g.Service).Order());
        foreach (var gate in state)
        {
            var i = int.Parse(gate.Service[5..], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(i % 2 == 0, gate.DryRun);
            Assert.Equal(["FDD", "P0"], gate.Rules.Select(r => r.Name).Order());
            var p0 = gate.Rules.Single(r => r.Name == "P0");
            var fdd = gate.Rules.Single(r => r.Name == "FDD");
            Assert.Equal($$"""{"query":"service:soak-{{i:D3}}","duration":{{i % 7 * 60}}}""", p0.OptionsJson);
            Assert.Equal($$"""{"duration":900,"excluded_resources":["GET /x{{i}}"]}""", fdd.OptionsJson);
            Assert.True(fdd.DryRun);
        }
    }
}
