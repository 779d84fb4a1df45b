using System.Globalization;
using System.Text;
using DdGates.Config;
using DdGates.Emulator;

namespace DdGates.Benchmarks;

/// <summary>
/// First apply and no-op apply of K gates (3 rules each) in an organization of G gates, with the
/// emulator adding a fixed latency to every answer. The binary runs as its own process.
/// </summary>
internal static class ScaleBenchmark
{
    public static async Task<string> RunAsync(string binary, int org, int[] sizes, int[] latencies)
    {
        var table = new StringBuilder("| latency | K gates | run | wall time | requests (GET / POST / PUT / DELETE) | peak RSS | exit |\n|---|---|---|---|---|---|---|\n");
        foreach (var latency in latencies)
        {
            foreach (var k in sizes)
            {
                await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { LatencyMs = latency });
                emulator.State.Store.Seed(org - k, "other");
                var file = Path.Combine(Path.GetTempPath(), $"bench-{k}.yaml");
                await File.WriteAllTextAsync(file, GatesFile(k));
                foreach (var label in new[] { "first apply", "no-op apply" })
                {
                    emulator.State.Log.Clear();
                    var run = await Measure.RunAsync(binary, emulator.BaseUrl, "apply", "--config", file);
                    var byMethod = emulator.State.Log.Entries.GroupBy(e => e.Method).ToDictionary(g => g.Key, g => g.Count());
                    var counts = string.Join(" / ", new[] { "GET", "POST", "PUT", "DELETE" }.Select(m => byMethod.GetValueOrDefault(m).ToString(CultureInfo.InvariantCulture)));
                    table.AppendLine(CultureInfo.InvariantCulture, $"| {latency} ms | {k} | {label} | {run.Wall.TotalSeconds:0.00} s | {counts} | {run.PeakKb / 1024} MB | {run.ExitCode} |");
                    Console.Error.WriteLine($"scale: latency {latency} ms, K={k}, {label}: {run.Wall.TotalSeconds:0.00} s, {counts}");
                }
            }
        }

        return table.ToString();
    }

    private static string GatesFile(int count)
    {
        var text = new StringBuilder("gates:\n");
        for (var i = 0; i < count; i++)
        {
            var service = $"bench-{i:D4}";
            text.Append("  - service: ").Append(service).Append("\n    env: production\n    rules:\n")
                .Append("      - { name: P0, type: monitor, options: { query: \"service:").Append(service).Append(" priority:p0\", duration: 300 } }\n")
                .Append("      - { name: Errors, type: monitor, options: { query: \"service:").Append(service).Append(" errors\" } }\n")
                .Append("      - { name: FDD, type: faulty_deployment_detection, options: { duration: 900, excluded_resources: [\"GET /healthz\"] } }\n");
        }

        return text.ToString();
    }
}
