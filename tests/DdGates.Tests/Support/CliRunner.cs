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

    public static async Task<CliRun> RunAsync(IReadOnlyDictionary<string, string>? env, CancellationToken ct, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var environment = env ?? new Dictionary<string, string>();
        var code = await CliApp.RunAsync(args, stdout, stderr, name => environment.GetValueOrDefault(name),
            new CliRuntime(DateTimeOffset.UtcNow, TestEmulator.FastRetries, TestEmulator.FastPolls), ct);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs against the emulator with valid keys.</summary>
    public static Task<CliRun> RunAsync(EmulatorHost emulator, params string[] args) =>
        RunAsync(Keys, [.. args, "--api-url", emulator.BaseUrl.AbsoluteUri]);

    public static readonly IReadOnlyDictionary<string, string> Keys = new Dictionary<string, string>
    {
        ["DD_API_KEY"] = TestEmulator.ApiKey,
        ["DD_APP_KEY"] = TestEmulator.AppKey,
    };

    public static string TempFile(string content, string extension = ".yaml")
    {
        var path = Path.Combine(Path.GetTempPath(), $"dd-gates-test-{Guid.NewGuid():N}{extension}");
        File.WriteAllText(path, content);
        return path;
    }
}
