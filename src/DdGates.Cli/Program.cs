using System.Runtime.InteropServices;
using DdGates.Cli;

// The evaluate timeout counts from the start of the step.
var startedAt = DateTimeOffset.UtcNow;
using var cancel = new CancellationTokenSource();
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    cancel.Cancel();
});
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

return await CliApp.RunAsync(args, Console.Out, Console.Error, Environment.GetEnvironmentVariable, new CliRuntime(startedAt) { Terminal = !Console.IsOutputRedirected && !Console.IsErrorRedirected }, cancel.Token);
