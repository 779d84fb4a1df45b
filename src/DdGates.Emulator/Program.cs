using DdGates.Emulator;

if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(EmulatorOptions.Usage);
    return 0;
}

EmulatorOptions options;
try
{
    options = EmulatorOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine($"dd-gates-emulator: {e.Message}\n\n{EmulatorOptions.Usage}");
    return 2;
}

await using var host = await EmulatorHost.StartAsync(options);
// The first line on stdout is the base URL: scripts read it to find the port.
Console.WriteLine(host.BaseUrl.AbsoluteUri.TrimEnd('/'));
Console.Out.Flush();
await host.WaitForShutdownAsync();
return 0;
