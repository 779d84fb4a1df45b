using System.Globalization;
using DdGates.Emulator;

namespace DdGates.Benchmarks;

/// <summary>Process start to the first HTTP request, and a whole no-op apply of one gate (medians).</summary>
internal static class StartupBenchmark
{
    public static async Task<string> RunAsync(string binary, int runs)
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions());
        var file = Path.Combine(Path.GetTempPath(), "bench-one.yaml");
        await File.WriteAllTextAsync(file, "gates:\n  - { service: one, env: prod, rules: [{ name: P0, type: monitor, options: { query: q } }] }\n");
        await Measure.RunAsync(binary, emulator.BaseUrl, "apply", "--config", file);
        var firstRequest = new List<double>();
        var whole = new List<double>();
        var memory = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            emulator.State.Log.Clear();
            var run = await Measure.RunAsync(binary, emulator.BaseUrl, "apply", "--config", file);
            firstRequest.Add((emulator.State.Log.Entries[0].At - run.StartedAt).TotalMilliseconds);
            whole.Add(run.Wall.TotalMilliseconds);
            memory.Add(run.PeakKb / 1024.0);
        }

        var size = new FileInfo(binary).Length / 1024.0 / 1024.0;
        return string.Create(CultureInfo.InvariantCulture, $"""
            | figure ({runs} runs, median) | value |
            |---|---|
            | process start to first HTTP request | {Measure.Median(firstRequest):0} ms |
            | whole no-op apply of one gate (start to exit) | {Measure.Median(whole):0} ms |
            | peak RSS of that run | {Measure.Median(memory):0} MB |
            | binary | {size:0.0} MiB |

            """);
    }
}
