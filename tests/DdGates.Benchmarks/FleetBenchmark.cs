using System.Diagnostics;
using System.Globalization;
using System.Text;
using DdGates.Config;
using DdGates.Emulator;

namespace DdGates.Benchmarks;

/// <summary>
/// One entry of S services x 2 envs against the same gates written out as 2 x S entries: validation in process
/// (median of runs) and as the shipped binary, then plan (all to create), apply, and a no-op plan, through the emulator,
/// without the preflight (this compares declarations); a last no-op plan with the preflight shows what its searches add.
/// </summary>
internal static class FleetBenchmark
{
    public static async Task<string> RunAsync(string binary, int services, int runs)
    {
        var dir = Directory.CreateTempSubdirectory("dd-gates-fleet-").FullName;
        var table = new StringBuilder("| file | bytes | validate in process (median) | validate, binary | plan (create all) | apply | no-op plan | no-op plan per gate | requests of the no-op plan | no-op plan with the preflight (requests) |\n|---|---|---|---|---|---|---|---|---|---|\n");
        foreach (var (label, text) in new[] { ("one fleet entry", Fleet(services)), ($"{2 * services} written-out entries", WrittenOut(services)) })
        {
            var file = Path.Combine(dir, label.Replace(' ', '-') + ".yaml");
            await File.WriteAllTextAsync(file, text);
            var inProcess = Measure.Median(Enumerable.Range(0, runs).Select(_ =>
            {
                var watch = Stopwatch.StartNew();
                var read = DesiredStateLoader.FromGatesFile(text, file);
                watch.Stop();
                if (read.Gates.Count != 2 * services || read.Diagnostics.Count > 0) throw new InvalidOperationException($"{label}: {read.Gates.Count} gates, {read.Diagnostics.Count} problems");
                return watch.Elapsed.TotalMilliseconds;
            }));
            var validate = await Measure.RunAsync(binary, null, "validate", "--config", file);
            await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions());
            var plan = await Measure.RunAsync(binary, emulator.BaseUrl, "plan", "--config", file, "--preflight", "off");
            var apply = await Measure.RunAsync(binary, emulator.BaseUrl, "apply", "--config", file, "--preflight", "off");
            emulator.State.Log.Clear();
            var noop = await Measure.RunAsync(binary, emulator.BaseUrl, "plan", "--config", file, "--detailed-exitcode", "--preflight", "off");
            var requests = emulator.State.Log.Entries.Count;
            emulator.State.Log.Clear();
            var checkedPlan = await Measure.RunAsync(binary, emulator.BaseUrl, "plan", "--config", file, "--detailed-exitcode", "--preflight", "warn");
            var checkedRequests = emulator.State.Log.Entries.Count;
            if (new[] { validate, plan, apply, noop, checkedPlan }.Any(r => r.ExitCode != 0)) throw new InvalidOperationException($"{label}: a run failed\n{noop.Stderr}");
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {label} | {Encoding.UTF8.GetByteCount(text)} | {inProcess:0.0} ms | {validate.Wall.TotalMilliseconds:0} ms | {plan.Wall.TotalMilliseconds:0} ms | {apply.Wall.TotalMilliseconds:0} ms | {noop.Wall.TotalMilliseconds:0} ms | {noop.Wall.TotalMilliseconds * 1000 / (2 * services):0} µs | {requests} | {checkedPlan.Wall.TotalMilliseconds:0} ms ({checkedRequests}) |");
            Console.Error.WriteLine($"fleet: {label}: validate {inProcess:0.0} ms in process, no-op plan {noop.Wall.TotalMilliseconds:0} ms");
        }

        Directory.Delete(dir, recursive: true);
        return table.ToString();
    }

    private static string Fleet(int services) => $$"""
        gates:
          - service: [{{string.Join(", ", Enumerable.Range(0, services).Select(Service))}}]
            env: [staging, production]
            dry_run: { production: true }
            rules:
              - { name: "P0 {service}", type: monitor, options: { query: "service:{service} env:{env} priority:p0", duration: 300 } }
              - { name: Errors, type: monitor, options: { query: "service:{service} env:{env} errors" } }
              - { name: FDD, type: faulty_deployment_detection, options: { duration: 900, excluded_resources: ["GET /{service}/healthz"] } }
        """;

    private static string WrittenOut(int services)
    {
        var text = new StringBuilder("gates:\n");
        foreach (var service in Enumerable.Range(0, services).Select(Service))
        {
            foreach (var env in new[] { "staging", "production" })
            {
                var dryRun = env == "production" ? "true" : "false";
                text.Append(CultureInfo.InvariantCulture, $$"""
                      - service: {{service}}
                        env: {{env}}
                        dry_run: {{dryRun}}
                        rules:
                          - { name: "P0 {{service}}", type: monitor, options: { query: "service:{{service}} env:{{env}} priority:p0", duration: 300 } }
                          - { name: Errors, type: monitor, options: { query: "service:{{service}} env:{{env}} errors" } }
                          - { name: FDD, type: faulty_deployment_detection, options: { duration: 900, excluded_resources: ["GET /{{service}}/healthz"] } }

                    """);
            }
        }

        return text.ToString();
    }

    private static string Service(int i) => $"svc-{i:D3}";
}
