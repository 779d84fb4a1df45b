using System.Runtime.InteropServices;
using DdGates.Cli;

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

return await CliApp.RunAsync(args, Console.Out, Console.Error, Environment.GetEnvironmentVariable, ct: cancel.Token);
