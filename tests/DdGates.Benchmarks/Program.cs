using System.Diagnostics;
using DdGates.Benchmarks;

// dd-gates benchmark harness. Reproduce (README "Benchmarks"):
//   dotnet publish src/DdGates.Cli -c Release -r linux-x64 -p:PublishAot=true -o artifacts/dd-gates
//   dotnet publish src/DdGates.Cli -c Release -r linux-x64 --self-contained -p:PublishTrimmed=true \
//     -p:PublishReadyToRun=true -p:PublishSingleFile=true -o artifacts/dd-gates-r2r
//   dotnet run -c Release --project tests/DdGates.Benchmarks -- all artifacts/dd-gates/dd-gates artifacts/dd-gates-r2r/dd-gates > docs/benchmarks.md
var what = args.FirstOrDefault() ?? "all";
var binary = Path.GetFullPath(args.ElementAtOrDefault(1) ?? "artifacts/dd-gates/dd-gates");
// The build the shipped one replaced, for the comparison (optional).
var before = args.ElementAtOrDefault(2) is { } b ? Path.GetFullPath(b) : null;
if (what is not ("evaluate" or "scale" or "startup" or "export" or "fleet" or "all"))
{
    Console.Error.WriteLine("usage: DdGates.Benchmarks all|evaluate|scale|startup|export|fleet [path/to/dd-gates]");
    return 2;
}

if (what != "evaluate" && !File.Exists(binary))
{
    Console.Error.WriteLine($"{binary} does not exist: publish it first (see the comment at the top of Program.cs)");
    return 2;
}

Console.WriteLine("# dd-gates benchmarks\n");
Console.WriteLine($"Run on {DateTime.UtcNow:yyyy-MM-dd} on {Measure.Machine()}.");
Console.WriteLine("Reproduce: see README, \"Benchmarks\". The API is the in-repo emulator on loopback; the binary is the one that ships (Native AOT).\n");
var clock = Stopwatch.StartNew();
if (what is "startup" or "all" && before is not null)
{
    Console.WriteLine("## Native AOT against the build it replaced\n");
    Console.WriteLine(await CompareBenchmark.RunAsync(binary, before, 21));
}

if (what is "startup" or "all")
{
    Console.WriteLine("## Start-up\n");
    Console.WriteLine(await StartupBenchmark.RunAsync(binary, 10));
}

if (what is "startup" or "all")
{
    Console.WriteLine("## Container image\n");
    Console.WriteLine(ImageSize.Describe("localhost/dd-gates:ci"));
}

if (what is "scale" or "all")
{
    Console.WriteLine("## Apply at scale: K gates of 3 rules in an organization of 5,500 gates\n");
    Console.WriteLine(await ScaleBenchmark.RunAsync(binary, 5500, [1, 100, 500], [0, 50]));
}

if (what is "export" or "all")
{
    Console.WriteLine("## Export of a whole organization\n");
    Console.WriteLine(await ExportBenchmark.RunAsync(binary, [5000], [0, 50]));
}

if (what is "fleet" or "all")
{
    Console.WriteLine("## A fleet: one entry of 300 services x 2 envs against 600 written-out entries\n");
    Console.WriteLine(await FleetBenchmark.RunAsync(binary, 300, 21));
}

if (what is "evaluate" or "all")
{
    Console.WriteLine("## Evaluate: delay from verdict ready to exit\n");
    Console.WriteLine(await EvaluateLatencyBenchmark.RunAsync([(1, 5), (20, 2), (60, 2)]));
}

Console.Error.WriteLine($"done in {clock.Elapsed.TotalSeconds:0} s");
return 0;
