using System.Globalization;
using System.Text;
using DdGates.Emulator;

namespace DdGates.Benchmarks;

/// <summary>
/// dd-gates export of a whole organization of G gates (one rule each), with the emulator adding a fixed latency
/// to every answer: one listing (1,000 gates a page), then the rules of each gate, 8 at a time. The binary runs as its own process.
/// </summary>
internal static class ExportBenchmark
{
    public static async Task<string> RunAsync(string binary, int[] orgs, int[] latencies)
    {
        var table = new StringBuilder("| latency | gates | wall time | requests | peak RSS | file size | exit |\n|---|---|---|---|---|---|---|\n");
        foreach (var latency in latencies)
        {
            foreach (var org in orgs)
            {
                await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { LatencyMs = latency });
                emulator.State.Store.Seed(org, "export");
                var file = Path.Combine(Path.GetTempPath(), $"bench-export-{org}.yaml");
                emulator.State.Log.Clear();
                var run = await Measure.RunAsync(binary, emulator.BaseUrl, "export", "--file", file);
                var size = new FileInfo(file).Length;
                table.AppendLine(CultureInfo.InvariantCulture,
                    $"| {latency} ms | {org} | {run.Wall.TotalSeconds:0.00} s | {emulator.State.Log.Entries.Count} | {run.PeakKb / 1024} MB | {size / 1024} KiB | {run.ExitCode} |");
                Console.Error.WriteLine($"export: latency {latency} ms, {org} gates: {run.Wall.TotalSeconds:0.00} s");
            }
        }

        return table.ToString();
    }
}
