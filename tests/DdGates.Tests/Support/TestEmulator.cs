using DdGates.Api;
using DdGates.Emulator;
using DdGates.Evaluation;
using DdGates.Http;
using DdGates.Model;

namespace DdGates.Tests.Support;

/// <summary>A fresh emulator on a free loopback port per test, and clients pointed at it.</summary>
internal static class TestEmulator
{
    public const string ApiKey = "test-api-key-7f3c9a";
    public const string AppKey = "test-app-key-2b8e1d";

    /// <summary>Short delays so retry tests take milliseconds, not seconds.</summary>
    public static readonly RetryPolicy FastRetries = new()
    {
        MaxRetries = 5,
        BaseDelay = TimeSpan.FromMilliseconds(10),
        MaxDelay = TimeSpan.FromMilliseconds(100),
        MaxRateLimitWait = TimeSpan.FromSeconds(2),
        AttemptTimeout = TimeSpan.FromSeconds(10),
        CallDeadline = TimeSpan.FromSeconds(60),
    };

    /// <summary>Polls every 50 to 200 ms, so evaluation tests take a second, not minutes.</summary>
    public static readonly DdGates.Evaluation.PollSchedule FastPolls = new()
    {
        FirstPoll = TimeSpan.FromMilliseconds(50),
        MaxInterval = TimeSpan.FromMilliseconds(200),
        NotFoundGrace = TimeSpan.FromSeconds(5),
        NewGateGrace = TimeSpan.FromSeconds(3),
    };

    public static Task<EmulatorHost> StartAsync(EmulatorOptions? options = null) => EmulatorHost.StartAsync(options ?? new EmulatorOptions());

    public static DatadogClient Client(EmulatorHost emulator, HttpMessageHandler? handler = null, List<string>? retries = null) =>
        new(emulator.BaseUrl, new Credentials(ApiKey, AppKey), FastRetries, m => retries?.Add(m), handler);

    /// <summary>Adds a rule behind the tool's back, as a person in the Datadog UI would.</summary>
    public static async Task AddRuleAsync(EmulatorHost emulator, string gateId, DdGates.Model.RuleSpec rule)
    {
        using var client = Client(emulator);
        await client.CreateRuleAsync(gateId, rule, default);
    }

    public static IReadOnlyList<LoggedRequest> Writes(this EmulatorHost emulator) =>
        [.. emulator.State.Log.Entries.Where(e => e.IsWrite)];
}
