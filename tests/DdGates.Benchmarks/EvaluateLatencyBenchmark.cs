using System.Globalization;
using System.Text;
using DdGates.Api;
using DdGates.Cli;
using DdGates.Emulator;
using DdGates.Evaluation;
using DdGates.Http;
using DdGates.Model;

namespace DdGates.Benchmarks;

/// <summary>
/// The delay between the moment the emulator's verdict is ready and the moment dd-gates evaluate
/// exits, for a gate that decides after 1 s and one after 60 s; and the same with datadog-ci's
/// schedule (a fixed 15 s interval) modelled by a PollSchedule.
/// </summary>
internal static class EvaluateLatencyBenchmark
{
    private static readonly PollSchedule DatadogCi = new() { FirstPoll = TimeSpan.FromSeconds(15), Growth = 1, MaxInterval = TimeSpan.FromSeconds(15) };

    public static async Task<string> RunAsync((double DecidesAfter, int Runs)[] cases)
    {
        var table = new StringBuilder("| gate decides after | poll schedule | runs | delay verdict -> exit (median) | min | max |\n|---|---|---|---|---|---|\n");
        foreach (var (label, schedule) in new[] { ("dd-gates (1 s, x1.5, cap 10 s)", new PollSchedule()), ("datadog-ci model (fixed 15 s)", DatadogCi) })
        {
            foreach (var (after, runs) in cases)
            {
                var delays = new List<double>();
                for (var i = 0; i < runs; i++) delays.Add(await OnceAsync(after, schedule));
                table.AppendLine(CultureInfo.InvariantCulture,
                    $"| {after:0} s | {label} | {runs} | {Measure.Median(delays) / 1000:0.00} s | {delays.Min() / 1000:0.00} s | {delays.Max() / 1000:0.00} s |");
            }
        }

        table.AppendLine().AppendLine("Exact decision times can land on a poll of either schedule (1 s is dd-gates' first poll, 60 s is datadog-ci's fourth), so the")
            .AppendLine("average over decision times spread evenly from 0 to 120 s, computed from the same schedules (each poll taken as instant), is the fairer comparison:").AppendLine()
            .AppendLine("| poll schedule | average delay, decision in 0-120 s | worst |").AppendLine("|---|---|---|");
        foreach (var (label, schedule) in new[] { ("dd-gates", new PollSchedule()), ("datadog-ci model", DatadogCi) })
        {
            var (average, worst) = Modelled(schedule, TimeSpan.FromSeconds(120));
            table.AppendLine(CultureInfo.InvariantCulture, $"| {label} | {average:0.0} s | {worst:0.0} s |");
        }

        return table.ToString();
    }

    /// <summary>Delay from a decision at time T to the first poll at or after T, averaged over T in steps of 10 ms.</summary>
    private static (double Average, double Worst) Modelled(PollSchedule schedule, TimeSpan span)
    {
        var polls = new List<double>();
        var at = 0.0;
        for (var n = 0; at <= span.TotalSeconds + 20; n++) polls.Add(at += schedule.Delay(n).TotalSeconds);
        var delays = Enumerable.Range(0, (int)(span.TotalSeconds * 100)).Select(i => i / 100.0).Select(t => polls.First(p => p >= t) - t).ToList();
        return (delays.Average(), delays.Max());
    }

    private static async Task<double> OnceAsync(double decidesAfter, PollSchedule schedule)
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions());
        using (var client = new DatadogClient(emulator.BaseUrl, new Credentials("k", "k"), new RetryPolicy()))
        {
            var gate = await client.CreateGateAsync(new GateKey("bench", "prod", "default"), false, default);
            await client.CreateRuleAsync(gate.Id, new RuleSpec("r", false, new MonitorQueryOptions("q", MonitorSettings.None)), default);
        }

        emulator.State.Evaluations = new EvaluationScript { Default = new RuleScript("pass", AfterSeconds: decidesAfter) };
        var env = new Dictionary<string, string> { ["DD_API_KEY"] = "k", ["DD_APP_KEY"] = "k" };
        var code = await CliApp.RunAsync(["evaluate", "--service", "bench", "--env", "prod", "--api-url", emulator.BaseUrl.AbsoluteUri],
            TextWriter.Null, TextWriter.Null, n => env.GetValueOrDefault(n), new CliRuntime(DateTimeOffset.UtcNow, null, schedule));
        var exited = DateTimeOffset.UtcNow;
        if (code != 0) throw new InvalidOperationException($"evaluate exited {code}");
        var triggered = emulator.State.Log.Entries.First(e => e.Method == "POST" && e.Path.EndsWith("/evaluation", StringComparison.Ordinal)).At;
        var delay = (exited - triggered.AddSeconds(decidesAfter)).TotalMilliseconds;
        Console.Error.WriteLine($"evaluate: decides after {decidesAfter} s, delay {delay:0} ms");
        return delay;
    }
}
