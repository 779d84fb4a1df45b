using DdGates.Cli;
using DdGates.Emulator;

namespace DdGates.Tests.Support;

public sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

/// <summary>Runs <c>dd-gates</c> in process with its own streams and environment.</summary>
internal static class CliRunner
{
    public static Task<CliRun> RunAsync(IReadOnlyDictionary<string, string>? env, params string[] args) => RunAsync(env, default, args);

    public static Task<CliRun> RunAsync(IReadOnlyDictionary<string, string>? env, CancellationToken ct, params string[] args) => RunAsync(env, TimeSpan.Zero, args, ct);

    /// <summary>As a step that started <paramref name="startedAgo"/> before this call: evaluate's timeout counts from the start of the step, so a test of the timeout need not wait it out.</summary>
    public static Task<CliRun> RunAsync(EmulatorHost emulator, TimeSpan startedAgo, params string[] args) =>
        RunAsync(Keys, startedAgo, [.. WithoutPreflight(args), "--api-url", emulator.BaseUrl.AbsoluteUri], default);

    /// <summary>
    /// Against the emulator, plan and apply run without the preflight unless the test names it: the emulator holds no
    /// monitors unless a test seeds them, so every monitor rule would warn. The tests under Preflight/ turn it on.
    /// </summary>
    public static string[] WithoutPreflight(string[] args) =>
        args.Length > 0 && args[0] is "plan" or "apply" && !args.Contains("--preflight") ? [.. args, "--preflight", "off"] : args;

    private static async Task<CliRun> RunAsync(IReadOnlyDictionary<string, string>? env, TimeSpan startedAgo, string[] args, CancellationToken ct)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var environment = env ?? new Dictionary<string, string>();
        var code = await CliApp.RunAsync(args, stdout, stderr, name => environment.GetValueOrDefault(name),
            new CliRuntime(DateTimeOffset.UtcNow - startedAgo, TestEmulator.FastRetries, TestEmulator.FastPolls), ct);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs against the emulator with valid keys.</summary>
    public static Task<CliRun> RunAsync(EmulatorHost emulator, params string[] args) =>
        RunAsync(Keys, [.. WithoutPreflight(args), "--api-url", emulator.BaseUrl.AbsoluteUri]);

    public static readonly IReadOnlyDictionary<string, string> Keys = new Dictionary<string, string>
    {
        ["DD_API_KEY"] = TestEmulator.ApiKey,
        ["DD_APP_KEY"] = TestEmulator.AppKey,
    };

    /// <summary>A file with <paramref name="content"/>, in this test run's own directory, which goes when the run ends.</summary>
    public static string TempFile(string content, string extension = ".yaml")
    {
        var path = Path.Combine(TestFiles.Directory, $"dd-gates-test-{Guid.NewGuid():N}{extension}");
        File.WriteAllText(path, content);
        return path;
    }
}
