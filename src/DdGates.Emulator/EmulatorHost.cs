using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace DdGates.Emulator;

/// <summary>
/// Starts the emulator on 127.0.0.1 (Kestrel, real HTTP). Used by the executable and, in process, by
/// the tests. What it does not model is listed in its README.md.
/// </summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EmulatorHost(WebApplication app, EmulatorState state, Uri baseUrl)
    {
        _app = app;
        State = state;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }
    public EmulatorState State { get; }

    public static async Task<EmulatorHost> StartAsync(EmulatorOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://{options.Host}:{options.Port}");
        var app = builder.Build();
        var state = new EmulatorState(options);
        var faults = new FaultInjector(state);
        app.Use((ctx, next) => faults.InvokeAsync(ctx, next));
        Uri? baseUrl = null;
        ApiEndpoints.Map(app, state, () => baseUrl!);
        AdminEndpoints.Map(app, state);
        PlatformEndpoints.Map(app, state);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        baseUrl = new Uri(address);
        return new EmulatorHost(app, state, baseUrl);
    }

    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
